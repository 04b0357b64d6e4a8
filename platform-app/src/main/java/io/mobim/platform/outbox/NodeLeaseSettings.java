package io.mobim.platform.outbox;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The node id an instance leases in the database when {@code mobim.outbox.node-id} is not set.
 *
 * @param ttl a lease its holder has not renewed for this long is free for another instance
 * @param heartbeat how often the holder renews its lease; well below {@code ttl}
 * @param ordinal the instance's StatefulSet ordinal, when it has one: it then prefers node {@code node-<ordinal>}
 *                (a Helm StatefulSet sets it from the pod's {@code apps.kubernetes.io/pod-index} label)
 * @param hintFile where the instance notes the lease it holds, so that after a restart it takes the same one back
 *                 (the all-in-one: {@code node-id} in its data directory; none without one)
 */
@Validated
@ConfigurationProperties("mobim.outbox.node-lease")
public record NodeLeaseSettings(
        @DefaultValue("30s") @NotNull Duration ttl,
        @DefaultValue("10s") @NotNull Duration heartbeat,
        @Min(0) Integer ordinal,
        String hintFile) {

    public NodeLeaseSettings {
        if (ttl != null && heartbeat != null && heartbeat.compareTo(ttl) >= 0) {
            throw new IllegalArgumentException("mobim.outbox.node-lease.heartbeat (" + heartbeat
                    + ") must be shorter than mobim.outbox.node-lease.ttl (" + ttl + ")");
        }
    }
}
