package io.mobim.platform.wv.session;

import io.mobim.events.Msisdn;
import io.mobim.platform.presence.ClientSessionClosed;
import io.mobim.platform.presence.PresenceService;
import io.mobim.platform.wv.CspFault;
import io.mobim.platform.wv.WvSettings;
import io.mobim.wv.CspVersion;
import io.mobim.wv.StatusCode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.annotation.Transactional;

/**
 * CSP sessions, in {@code im.wv_session} so that any instance serves any client. Each is an IM-core client session
 * ({@link PresenceService}) whose silence timeout is the agreed KeepAliveTime plus a grace. The SessionID the client
 * carries is 192 random bits; only its SHA-256 is stored. A session ended by logout, expiry or a newer login is
 * remembered for a while, so that a client still using it learns why (604, 600, 601).
 */
public class WvSessions {

    private static final Logger log = LoggerFactory.getLogger(WvSessions.class);
    private static final int TOKEN_BYTES = 24;
    /** How many sessions this instance remembers; beyond it the memory starts over (a read more per session). */
    private static final int SESSIONS_REMEMBERED = 100_000;

    private final JdbcClient jdbc;
    private final PresenceService presence;
    private final WvSettings settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /** Live sessions by the hex SHA-256 of their SessionID; whether they are still live is the core session's touch. */
    private final Map<String, WvSession> known = new ConcurrentHashMap<>();

    public WvSessions(JdbcClient jdbc, PresenceService presence, WvSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.presence = presence;
        this.settings = settings;
        this.clock = clock;
    }

    /** A new session; returns its SessionID. Ends the subscriber's older ones first when the operator so configured. */
    @Transactional
    public String open(Msisdn msisdn, CspVersion version, String clientId, String sessionCookie, int keepAliveSeconds) {
        Instant now = clock.instant();
        if (settings.forceLogoutOlder()) {
            List<UUID> older = jdbc.sql("""
                    update im.wv_session set end_reason = 'FORCED_OUT'
                    where msisdn = ? and ended_at is null and end_reason is null returning client_session_id""")
                    .param(msisdn.value()).query(UUID.class).list();
            older.forEach(presence::closeSession);
            if (!older.isEmpty()) {
                log.info("CSP login of {} forced {} older session(s) out", msisdn, older.size());
            }
        }
        UUID core = presence.openSession(msisdn, Duration.ofSeconds(keepAliveSeconds).plus(settings.keepAliveGrace()));
        byte[] token = new byte[TOKEN_BYTES];
        random.nextBytes(token);
        String sessionId = Base64.getUrlEncoder().withoutPadding().encodeToString(token);
        jdbc.sql("""
                insert into im.wv_session (token_hash, client_session_id, msisdn, csp_version, client_id, session_cookie,
                                           keep_alive_seconds, started_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(hash(sessionId), core, msisdn.value(), version.label(), truncate(clientId), truncate(sessionCookie),
                        keepAliveSeconds, Timestamp.from(now))
                .update();
        known.put(HexFormat.of().formatHex(hash(sessionId)), new WvSession(core, msisdn, version, truncate(sessionCookie)));
        return sessionId;
    }

    /**
     * The live session a request names, kept alive by the request.
     *
     * @throws CspFault 604 for no or an unknown session, or one logged out; 600 for one expired; 601 for one a newer
     *     login ended
     */
    @Transactional
    public WvSession resolve(String sessionId) {
        if (sessionId == null || sessionId.isBlank()) {
            throw new CspFault(StatusCode.INVALID_SESSION, "Not logged in: an Inband session with a SessionID is required");
        }
        byte[] hash = hash(sessionId.strip());
        String key = HexFormat.of().formatHex(hash);
        WvSession session = known.get(key);
        if (session == null) {
            session = load(hash);
            if (known.size() >= SESSIONS_REMEMBERED) {
                known.clear();
            }
            known.put(key, session);
        }
        if (presence.touch(session.clientSession()).isEmpty()) {
            known.remove(key);
            SessionEnd end = endOf(hash).orElse(SessionEnd.EXPIRED);
            throw new CspFault(end.status(), end.status().meaning());
        }
        return session;
    }

    /**
     * Counts the bytes of a request and its answer to the session a SessionID names, if it is live here (in memory:
     * written with the session's next touch, see {@link PresenceService#addData}).
     */
    public void countData(String sessionId, long bytes) {
        if (sessionId == null || sessionId.isBlank()) {
            return;
        }
        WvSession session = known.get(HexFormat.of().formatHex(hash(sessionId.strip())));
        if (session != null) {
            presence.addData(session.clientSession(), bytes);
        }
    }

    /**
     * The live session a SessionID names, without keeping it alive: a CIR connection's {@code HELO} is no CSP request.
     * Empty for no, an unknown or an ended session.
     */
    @Transactional(readOnly = true)
    public Optional<WvSession> find(String sessionId) {
        if (sessionId == null || sessionId.isBlank()) {
            return Optional.empty();
        }
        byte[] hash = hash(sessionId.strip());
        WvSession session = known.get(HexFormat.of().formatHex(hash));
        if (session == null) {
            try {
                session = load(hash);
            } catch (CspFault ended) {
                return Optional.empty();
            }
        }
        return presence.liveSessions(session.msisdn()).contains(session.clientSession()) ? Optional.of(session) : Optional.empty();
    }

    /** Ends a session at the client's request; its SessionID is unknown from then on. */
    @Transactional
    public void logout(String sessionId, WvSession session) {
        byte[] hash = hash(sessionId.strip());
        jdbc.sql("update im.wv_session set end_reason = 'LOGGED_OUT' where token_hash = ? and end_reason is null").param(hash).update();
        presence.closeSession(session.clientSession());
        known.remove(HexFormat.of().formatHex(hash));
    }

    /** Agrees a new KeepAliveTime for a live session. */
    @Transactional
    public void changeKeepAlive(WvSession session, int keepAliveSeconds) {
        presence.changeTimeout(session.clientSession(), Duration.ofSeconds(keepAliveSeconds).plus(settings.keepAliveGrace()));
        jdbc.sql("update im.wv_session set keep_alive_seconds = ? where client_session_id = ?")
                .params(keepAliveSeconds, session.clientSession()).update();
    }

    /** The KeepAliveTime agreed for a session. */
    @Transactional(readOnly = true)
    public int keepAliveSeconds(WvSession session) {
        return jdbc.sql("select keep_alive_seconds from im.wv_session where client_session_id = ?")
                .param(session.clientSession()).query(Integer.class).single();
    }

    /** Sets how new messages reach a session's client. */
    @Transactional
    public void changeDeliveryMethod(WvSession session, DeliveryMethod method) {
        jdbc.sql("update im.wv_session set delivery_method = ? where client_session_id = ?")
                .params(method.code(), session.clientSession()).update();
    }

    /** How new messages reach a session's client, as last agreed through any instance. */
    @Transactional(readOnly = true)
    public DeliveryMethod deliveryMethod(WvSession session) {
        return DeliveryMethod.of(jdbc.sql("select delivery_method from im.wv_session where client_session_id = ?")
                .param(session.clientSession()).query(String.class).single());
    }

    /** The core session ended (on any instance, for any reason): the CSP session records when and why. */
    @EventListener
    public void onClosed(ClientSessionClosed closed) {
        jdbc.sql("""
                update im.wv_session set ended_at = ?, end_reason = coalesce(end_reason, ?)
                where client_session_id = ? and ended_at is null""")
                .params(Timestamp.from(clock.instant()), (closed.expired() ? SessionEnd.EXPIRED : SessionEnd.LOGGED_OUT).name(),
                        closed.sessionId())
                .update();
    }

    /** Forgets sessions that ended longer than {@code mobim.wv.ended-session-retention} ago, on every instance. */
    @Scheduled(fixedDelay = 10, initialDelay = 10, timeUnit = TimeUnit.MINUTES)
    @Transactional
    public int purgeEnded() {
        return jdbc.sql("delete from im.wv_session where ended_at < ?")
                .param(Timestamp.from(clock.instant().minus(settings.endedSessionRetention()))).update();
    }

    private WvSession load(byte[] hash) {
        Row row = jdbc.sql("""
                select client_session_id, msisdn, csp_version, session_cookie, end_reason
                from im.wv_session where token_hash = ?""")
                .param(hash)
                .query((rs, i) -> new Row(new WvSession(rs.getObject(1, UUID.class), Msisdn.of(rs.getString(2)),
                        CspVersion.ofLabel(rs.getString(3)), rs.getString(4)), rs.getString(5)))
                .optional()
                .orElseThrow(() -> new CspFault(StatusCode.INVALID_SESSION, "Unknown session: log in again"));
        if (row.endReason() != null) {
            StatusCode status = SessionEnd.valueOf(row.endReason()).status();
            throw new CspFault(status, status.meaning());
        }
        return row.session();
    }

    private Optional<SessionEnd> endOf(byte[] hash) {
        return jdbc.sql("select end_reason from im.wv_session where token_hash = ? and end_reason is not null").param(hash)
                .query((rs, i) -> rs.getString(1)).optional().map(SessionEnd::valueOf);
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 200 ? s : s.substring(0, 200);
    }

    private static byte[] hash(String sessionId) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    private record Row(WvSession session, String endReason) {
    }
}
