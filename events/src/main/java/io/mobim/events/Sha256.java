package io.mobim.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 for what is hashed per message or request (an MO's fingerprint, a CSP SessionID, a client message id), with
 * one digest per thread: looking the algorithm up ({@link MessageDigest#getInstance}) costs several times hashing a few
 * dozen bytes.
 */
public final class Sha256 {

    private static final ThreadLocal<MessageDigest> DIGESTS = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    });

    private Sha256() {
    }

    /** The SHA-256 of {@code s} in UTF-8. */
    public static byte[] of(String s) {
        return DIGESTS.get().digest(s.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * This thread's digest, reset, for hashing in several updates: finish with {@link MessageDigest#digest()} before
     * the thread hashes anything else.
     */
    public static MessageDigest digest() {
        MessageDigest sha = DIGESTS.get();
        sha.reset();
        return sha;
    }
}
