package io.mobim.platform.security;

import java.nio.charset.StandardCharsets;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** What a password must be for the platform's hash (bcrypt), which reads at most 72 bytes and refuses more. */
public final class Passwords {

    /** The longest password the hash accepts, in UTF-8 bytes. */
    public static final int MAX_BYTES = 72;

    private Passwords() {
    }

    /** Whether the hash would refuse {@code password}: more than {@link #MAX_BYTES} bytes in UTF-8. */
    public static boolean tooLong(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
    }

    /**
     * The platform's password encoder (bcrypt by default, older hashes by their prefix). A password too long to have
     * been set never matches: bcrypt would compare only its first 72 bytes, so the right password with anything
     * appended would pass.
     */
    static PasswordEncoder encoder() {
        PasswordEncoder delegate = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        return new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return delegate.encode(raw);
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                return raw != null && !tooLong(raw.toString()) && delegate.matches(raw, encoded);
            }

            @Override
            public boolean upgradeEncoding(String encoded) {
                return delegate.upgradeEncoding(encoded);
            }
        };
    }
}
