package io.mobim.platform.wv;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The Wireless Village (OMA IMPS CSP 1.1/1.2) endpoint, {@code mobim.wv.*}.
 *
 * @param path the HTTP path clients POST to; it must stay under {@code /wv/}, the
 *             route the security configuration leaves to the protocol's own authentication
 * @param domain the domain of subscribers' UserIDs, {@code wv:+447700900101@mobim}
 * @param maxBody the largest CSP body accepted (handsets' parsers take a few KB): larger gets HTTP 413
 * @param keepAliveMin the shortest KeepAliveTime agreed, in place of a shorter TimeToLive a client asks
 * @param keepAliveMax the longest KeepAliveTime agreed
 * @param keepAliveDefault the KeepAliveTime of a client that asks none
 * @param keepAliveGrace how long past its KeepAliveTime a silent session is still kept: the client's
 *                       keep-alive may be on its way over a slow bearer
 * @param forceLogoutOlder whether a new login ends the subscriber's older CSP sessions (they get 601 Forced logout);
 *                         off, a subscriber may be logged in from several clients
 * @param nonceValidity how long a digest login's challenge can be answered
 * @param endedSessionRetention how long an ended session is remembered, so a client still using it is told why
 *                              (600 expired, 601 forced out) rather than 604
 * @param serverPollMin the ServerPollMin agreed, in seconds: the client polls no faster
 * @param serviceName the service's name in GetSPInfo
 * @param serviceDescription its description in GetSPInfo
 * @param serviceUrl its URL in GetSPInfo
 */
@Validated
@ConfigurationProperties("mobim.wv")
public record WvSettings(
        @DefaultValue("/wv/csp") @NotBlank @Pattern(regexp = "/wv/[A-Za-z0-9._~/-]+") String path,
        @DefaultValue("mobim") @NotBlank @Pattern(regexp = "[A-Za-z0-9.-]{1,64}") String domain,
        @DefaultValue("64KB") @NotNull DataSize maxBody,
        @DefaultValue("60s") @NotNull Duration keepAliveMin,
        @DefaultValue("1h") @NotNull Duration keepAliveMax,
        @DefaultValue("30m") @NotNull Duration keepAliveDefault,
        @DefaultValue("30s") @NotNull Duration keepAliveGrace,
        @DefaultValue("false") boolean forceLogoutOlder,
        @DefaultValue("5m") @NotNull Duration nonceValidity,
        @DefaultValue("1d") @NotNull Duration endedSessionRetention,
        @DefaultValue("30") @Min(1) @Max(3600) int serverPollMin,
        @DefaultValue("mobim") @NotBlank String serviceName,
        String serviceDescription,
        String serviceUrl) {

    /** The keep-alive bounds must hold the default, and the nonce must live long enough for a second request. */
    @AssertTrue(message = "mobim.wv: keep-alive-min <= keep-alive-default <= keep-alive-max is required, keep-alive-min "
            + "at least 10s, the body limit at most 256KB and the nonce validity at least 10s")
    public boolean isConsistent() {
        return keepAliveMin.toSeconds() >= 10 && keepAliveMin.compareTo(keepAliveDefault) <= 0
                && keepAliveDefault.compareTo(keepAliveMax) <= 0 && maxBody.toBytes() > 0
                && maxBody.toBytes() <= 256 * 1024 && nonceValidity.toSeconds() >= 10;
    }
}
