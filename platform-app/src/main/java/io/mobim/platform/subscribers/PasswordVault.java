package io.mobim.platform.subscribers;

import io.mobim.platform.security.GeneratedPassword;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Client passwords encrypted at rest with the operator's key (AES-256-GCM, a fresh 96-bit IV per password, the
 * subscriber's number as associated data so a sealed password cannot be moved to another subscriber). A protocol
 * whose login proves knowledge of the password without sending it (the CSP digest) needs it back; the one-way hash
 * stays what a clear-text login checks. The key is derived from the operator's secret
 * ({@code mobim.subscribers.password-key}), which also keys {@link #sign} for values any instance must verify.
 * Without a key the vault is {@link #available() unavailable}: passwords are kept as a hash only.
 */
public final class PasswordVault {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecretKeySpec signingKey;
    private final SecureRandom random = new SecureRandom();

    private PasswordVault(byte[] secret) {
        this.key = secret == null ? null : new SecretKeySpec(derive(secret, "mobim password encryption"), "AES");
        this.signingKey = secret == null ? null : new SecretKeySpec(derive(secret, "mobim signing"), "HmacSHA256");
    }

    /** The vault of the configured key, else of the one generated in {@code keyFile}; unavailable when neither is given. */
    static PasswordVault from(String configuredKey, Path keyFile) {
        String secret = configuredKey;
        if (secret == null && keyFile != null) {
            secret = GeneratedPassword.readOrCreate(keyFile.toAbsolutePath().normalize());
        }
        if (secret == null) {
            return new PasswordVault(null);
        }
        if (secret.strip().length() < 16) {
            throw new IllegalStateException("mobim.subscribers.password-key is shorter than 16 characters: use a random "
                    + "secret such as 32 bytes in Base64");
        }
        return new PasswordVault(secret.strip().getBytes(StandardCharsets.UTF_8));
    }

    /** Whether an operator key is configured: passwords are sealed and values can be signed. */
    public boolean available() {
        return key != null;
    }

    /** {@code password} encrypted for {@code msisdn}: IV then ciphertext and tag; null when the vault is unavailable. */
    byte[] seal(String msisdn, String password) {
        if (key == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(msisdn.getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(password.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /** The password sealed for {@code msisdn}, or empty if it was sealed with another key or for another subscriber. */
    Optional<String> open(String msisdn, byte[] sealed) {
        if (key == null || sealed == null || sealed.length <= IV_BYTES) {
            return Optional.empty();
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            cipher.updateAAD(msisdn.getBytes(StandardCharsets.US_ASCII));
            return Optional.of(new String(cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES), StandardCharsets.UTF_8));
        } catch (javax.crypto.AEADBadTagException e) {
            return Optional.empty(); // the key was changed since: the subscriber must set their password again
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /**
     * HMAC-SHA-256 of {@code data} with a key derived from the operator's secret: the same on every instance.
     *
     * @throws IllegalStateException if the vault is unavailable
     */
    public byte[] sign(byte[] data) {
        if (signingKey == null) {
            throw new IllegalStateException("no operator key (mobim.subscribers.password-key) to sign with");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(signingKey);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private static byte[] derive(byte[] secret, String purpose) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(purpose.getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) 0);
            return sha.digest(secret);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
