package io.mobim.platform.interconnect;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed server-to-server requests. The caller names itself ({@value #PEER}), says when it signed ({@value #TIMESTAMP},
 * seconds since the epoch) and signs, with the secret the two operators share, the request's method, path, that
 * timestamp and the SHA-256 of its body ({@value #SIGNATURE}: {@code v1=} and the Base64 HMAC-SHA256 of those four
 * lines). The receiver refuses an unknown peer, a request signed longer ago (or later) than the allowed clock skew,
 * and a signature that does not match, each with its own reason.
 */
public final class RequestSigning {

    public static final String PEER = "Mobim-Peer";
    public static final String TIMESTAMP = "Mobim-Timestamp";
    public static final String SIGNATURE = "Mobim-Signature";
    private static final String VERSION = "v1=";

    private RequestSigning() {
    }

    /** Why a request was not accepted as coming from a peer. */
    public enum Refusal {
        MISSING_HEADERS("the request is not signed: it needs the headers " + PEER + ", " + TIMESTAMP + " and " + SIGNATURE),
        UNKNOWN_PEER("no interconnection with this operator"),
        STALE_TIMESTAMP("the request's timestamp is too far from the receiver's clock"),
        BAD_SIGNATURE("the signature does not match the request");

        private final String reason;

        Refusal(String reason) {
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    /** The three headers that sign {@code method path} with {@code body} for {@code peer} (our code) at {@code now}. */
    public static Map<String, String> headers(String ourCode, String secret, String method, String path, byte[] body, Instant now) {
        String timestamp = Long.toString(now.getEpochSecond());
        return Map.of(PEER, ourCode, TIMESTAMP, timestamp, SIGNATURE, VERSION + sign(secret, method, path, timestamp, body));
    }

    /** Null if the request is signed by {@code secret} within {@code maxSkew} of {@code now}; else why not. */
    public static Refusal verify(String secret, String method, String path, String timestamp, String signature, byte[] body,
                                 Instant now, Duration maxSkew) {
        long signedAt;
        try {
            signedAt = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return Refusal.STALE_TIMESTAMP;
        }
        if (Math.abs(now.getEpochSecond() - signedAt) > maxSkew.toSeconds()) {
            return Refusal.STALE_TIMESTAMP;
        }
        if (!signature.startsWith(VERSION)) {
            return Refusal.BAD_SIGNATURE;
        }
        byte[] expected = sign(secret, method, path, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature.substring(VERSION.length()).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? null : Refusal.BAD_SIGNATURE; // constant time
    }

    private static String sign(String secret, String method, String path, String timestamp, byte[] body) {
        try {
            String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String canonical = method + "\n" + path + "\n" + timestamp + "\n" + digest;
            return Base64.getEncoder().encodeToString(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
