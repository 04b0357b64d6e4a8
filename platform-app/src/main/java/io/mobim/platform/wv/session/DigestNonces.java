package io.mobim.platform.wv.session;

import io.mobim.events.Msisdn;
import io.mobim.platform.subscribers.PasswordVault;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The nonces of the CSP digest login, stateless so that any instance can check the answer to a challenge another
 * issued: a nonce is the time window it was issued in and an HMAC (with the operator's key) of the window and the
 * subscriber. The client's second Login-Request does not repeat the nonce, so the answer is checked against the
 * nonces of the current and the previous window: a challenge can be answered for between one and two
 * {@code mobim.wv.nonce-validity}.
 */
final class DigestNonces {

    private static final int MAC_BYTES = 18;

    private final PasswordVault vault;
    private final long windowSeconds;
    private final Clock clock;

    DigestNonces(PasswordVault vault, Duration validity, Clock clock) {
        this.vault = vault;
        this.windowSeconds = validity.toSeconds();
        this.clock = clock;
    }

    /** Whether digest logins are possible (an operator key is configured). */
    boolean available() {
        return vault.available();
    }

    /** The nonce of a challenge to {@code msisdn} now. */
    String issue(Msisdn msisdn) {
        return nonce(msisdn, window());
    }

    /** The nonces an answer to a challenge may have hashed now, newest first. */
    List<String> acceptable(Msisdn msisdn) {
        long w = window();
        return List.of(nonce(msisdn, w), nonce(msisdn, w - 1));
    }

    private long window() {
        return clock.instant().getEpochSecond() / windowSeconds;
    }

    private String nonce(Msisdn msisdn, long window) {
        byte[] mac = vault.sign(("wv-nonce|" + msisdn.value() + "|" + window).getBytes(StandardCharsets.US_ASCII));
        return Long.toString(window, 36) + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(mac, MAC_BYTES));
    }
}
