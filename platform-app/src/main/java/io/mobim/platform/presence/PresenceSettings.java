package io.mobim.platform.presence;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import jakarta.validation.constraints.Min;
import org.springframework.validation.annotation.Validated;

/**
 * Presence and client sessions.
 *
 * @param sessionTimeout a client session with no request for this long is over (CSP's default keep-alive is shorter, clients poll)
 * @param sweepInterval how often expired sessions are closed
 * @param touchInterval how often the keep-alive of the sessions used since is written, all of them in one statement:
 *                      a session this instance knows is kept alive from memory in between; a session closed by
 *                      another instance can still be used here for about this long
 * @param maxAttributeLists how many presence attribute lists a subscriber may have (CSP 755 beyond)
 */
@Validated
@ConfigurationProperties("mobim.presence")
public record PresenceSettings(
        @DefaultValue("30m") Duration sessionTimeout,
        @DefaultValue("30s") Duration sweepInterval,
        @DefaultValue("1s") Duration touchInterval,
        @DefaultValue("50") @Min(1) int maxAttributeLists) {
}
