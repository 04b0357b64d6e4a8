package io.mobim.platform.wv.session;

import io.mobim.events.Msisdn;
import io.mobim.platform.subscribers.PasswordVault;
import io.mobim.platform.subscribers.Subscribers;
import io.mobim.platform.wv.CspFault;
import io.mobim.platform.wv.UserIds;
import io.mobim.platform.wv.WvSettings;
import io.mobim.wv.CspVersion;
import io.mobim.wv.StatusCode;
import io.mobim.wv.model.LoginRequest;
import io.mobim.wv.model.LoginResponse;
import io.mobim.wv.model.Result;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * CSP Login: the 2-way login with the password in clear, checked against its hash; and the 4-way digest, a 401
 * challenge with a nonce and the schema chosen from the client's (SHA-1 preferred to MD5), then the client's
 * {@code Base64(HASH(nonce + password))} checked against the password kept encrypted. Always answered with a
 * Login-Response, whose Result says what went wrong (409 wrong password, 531 unknown user, 516 another domain, 543 no
 * digest schema in common or no operator key for digests).
 */
public class Logins {

    /** CSP digest schemas this server checks, in order of preference, with their JDK algorithm. */
    private enum Schema {
        SHA("SHA-1"), MD5("MD5");

        private final String algorithm;

        Schema(String algorithm) {
            this.algorithm = algorithm;
        }

        byte[] digest(String nonce, String password) {
            try {
                return MessageDigest.getInstance(algorithm).digest((nonce + password).getBytes(StandardCharsets.UTF_8));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(algorithm + " is unavailable", e);
            }
        }
    }

    private final Subscribers subscribers;
    private final UserIds userIds;
    private final WvSessions sessions;
    private final DigestNonces nonces;
    private final WvSettings settings;

    private Logins(Subscribers subscribers, UserIds userIds, WvSessions sessions, DigestNonces nonces, WvSettings settings) {
        this.subscribers = subscribers;
        this.userIds = userIds;
        this.sessions = sessions;
        this.nonces = nonces;
        this.settings = settings;
    }

    /** Logins whose digest nonces are signed with the operator's key ({@code vault}). */
    public static Logins create(Subscribers subscribers, UserIds userIds, WvSessions sessions, PasswordVault vault,
                                WvSettings settings, Clock clock) {
        return new Logins(subscribers, userIds, sessions, new DigestNonces(vault, settings.nonceValidity(), clock), settings);
    }

    /** Answers a Login-Request spoken in {@code version}. */
    public LoginResponse login(LoginRequest q, CspVersion version) {
        try {
            Msisdn msisdn = userIds.parse(q.userId());
            if (subscribers.findActive(msisdn).isEmpty()) {
                throw new CspFault(StatusCode.UNKNOWN_USER, "Unknown user");
            }
            if (q.password() != null) {
                if (!subscribers.passwordMatches(msisdn, q.password())) {
                    throw new CspFault(StatusCode.INVALID_PASSWORD, "Invalid password");
                }
            } else if (q.digestBytes() != null) {
                if (!digestMatches(msisdn, q.digestBytes())) {
                    throw new CspFault(StatusCode.INVALID_PASSWORD, "Invalid password");
                }
            } else {
                return challenge(q, msisdn);
            }
            int keepAlive = keepAliveFor(q.timeToLive());
            String sessionId = sessions.open(msisdn, version, clientIdText(q), q.sessionCookie(), keepAlive);
            return new LoginResponse(q.clientId(), Result.of(200, "Successfully logged in."), sessionId, keepAlive, true, null, null);
        } catch (CspFault f) {
            return new LoginResponse(q.clientId(), f.result(), null, null, null, null, null);
        }
    }

    /** The KeepAliveTime agreed for a TimeToLive asked (or none): within the operator's bounds. */
    public int keepAliveFor(Integer timeToLive) {
        long asked = timeToLive == null ? settings.keepAliveDefault().toSeconds() : timeToLive;
        return (int) Math.max(settings.keepAliveMin().toSeconds(), Math.min(settings.keepAliveMax().toSeconds(), asked));
    }

    private LoginResponse challenge(LoginRequest q, Msisdn msisdn) {
        if (!nonces.available()) {
            throw new CspFault(StatusCode.NO_MATCHING_DIGEST_SCHEME, "Digest login is not available: send the password");
        }
        Schema schema = choose(q.digestSchemas())
                .orElseThrow(() -> new CspFault(StatusCode.NO_MATCHING_DIGEST_SCHEME, "Supported digest schemas: SHA, MD5"));
        return new LoginResponse(q.clientId(), Result.of(401, "Please complete authentication challenge"), null, null, null,
                nonces.issue(msisdn), schema.name());
    }

    private static Optional<Schema> choose(List<String> offered) {
        if (offered.isEmpty()) {
            return Optional.of(Schema.MD5); // a client that names none gets the one every client knows
        }
        for (Schema s : Schema.values()) {
            if (offered.stream().anyMatch(o -> o != null && o.strip().toUpperCase(Locale.ROOT).equals(s.name()))) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    private boolean digestMatches(Msisdn msisdn, String digestBytes) {
        if (!nonces.available()) {
            return false;
        }
        byte[] answer;
        try {
            answer = Base64.getMimeDecoder().decode(digestBytes.strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        Optional<String> password = subscribers.clientPassword(msisdn);
        if (password.isEmpty()) {
            return false;
        }
        // the answer does not name its schema nor repeat the nonce: every acceptable pair is tried
        for (String nonce : nonces.acceptable(msisdn)) {
            for (Schema s : Schema.values()) {
                if (MessageDigest.isEqual(answer, s.digest(nonce, password.get()))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String clientIdText(LoginRequest q) {
        if (q.clientId() == null) {
            return null;
        }
        return q.clientId().url() != null ? q.clientId().url() : q.clientId().msisdn();
    }
}
