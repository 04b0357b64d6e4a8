package io.mobim.platform.housekeeping;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What is kept of the queues a client's polls empty, once nobody can use it any more.
 *
 * @param invitationRetention how long an invitation is kept once past its validity (answered or not): its answer or
 *                            cancellation may still go out to a client until then
 * @param reportRetention how long a delivery report waits for its sender's client to poll (a client that never comes
 *                        back never takes it)
 * @param interval how often each instance deletes what the retentions let go
 * @param batch rows deleted per statement (and transaction); a run deletes batches until none is full
 */
@Validated
@ConfigurationProperties("mobim.housekeeping")
public record HousekeepingSettings(
        @DefaultValue("30d") Duration invitationRetention,
        @DefaultValue("7d") Duration reportRetention,
        @DefaultValue("1h") Duration interval,
        @DefaultValue("5000") @Min(1) @Max(100_000) int batch) {

    public HousekeepingSettings {
        if (invitationRetention.isNegative() || reportRetention.isNegative() || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("mobim.housekeeping retentions must not be negative, its interval positive");
        }
    }
}
