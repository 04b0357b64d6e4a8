package io.mobim.platform.wv.session;

import io.mobim.events.Msisdn;
import io.mobim.platform.presence.ClientSessionClosed;
import io.mobim.platform.presence.ClientSessions;
import io.mobim.platform.wv.CspFault;
import io.mobim.events.Sha256;
import io.mobim.platform.wv.WvSettings;
import io.mobim.wv.CspVersion;
import io.mobim.wv.StatusCode;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
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
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * CSP sessions, in {@code im.wv_session} so that any instance serves any client. Each is an IM-core client session
 * ({@link ClientSessions}) whose silence timeout is the agreed KeepAliveTime plus a grace. The SessionID the client
 * carries is 192 random bits; only its SHA-256 is stored. A session ended by logout, expiry or a newer login is
 * remembered for a while, so that a client still using it learns why (604, 600, 601).
 *
 * <p>A request names its session: this instance keeps the sessions it served in memory, so that a request reads
 * nothing and writes nothing of its own (its keep-alive is the core session's touch, written in batches). What a
 * client may renegotiate (delivery method, KeepAliveTime) is kept too, and read again once a session of the subscriber
 * changed it through any instance ({@link WakeSignals#settingsVersion}).
 */
public class WvSessions {

    private static final Logger log = LoggerFactory.getLogger(WvSessions.class);
    private static final int TOKEN_BYTES = 24;

    private final JdbcClient jdbc;
    private final ClientSessions clientSessions;
    private final WakeSignals signals;
    private final WvSettings settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /** Live sessions by the first 128 bits of the SHA-256 of their SessionID; whether still live is the core session's touch. */
    private final Map<TokenKey, Known> known = new ConcurrentHashMap<>();
    /** What live sessions agreed, by core session, as read at a {@link WakeSignals#settingsVersion}. */
    private final Map<UUID, Agreed> agreed = new ConcurrentHashMap<>();

    public WvSessions(JdbcClient jdbc, ClientSessions clientSessions, WakeSignals signals, WvSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.clientSessions = clientSessions;
        this.signals = signals;
        this.settings = settings;
        this.clock = clock;
    }

    /** A SessionID's key in memory: half its SHA-256, as unguessable as the SessionID's own 192 bits allow. */
    private record TokenKey(long high, long low) {
        static TokenKey of(byte[] hash) {
            ByteBuffer b = ByteBuffer.wrap(hash);
            return new TokenKey(b.getLong(), b.getLong());
        }

        // written out: a record's generated ones go through an invokedynamic call site on every map lookup
        @Override
        public boolean equals(Object o) {
            return o instanceof TokenKey k && k.high == high && k.low == low;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(high ^ low);
        }
    }

    /** A session served here, and when it was last used here (epoch milliseconds). */
    private static final class Known {
        final WvSession session;
        volatile long usedAt;

        Known(WvSession session, long usedAt) {
            this.session = session;
            this.usedAt = usedAt;
        }
    }

    /** A session's delivery method and KeepAliveTime, read at {@code version} of the subscriber's settings signal. */
    private record Agreed(DeliveryMethod deliveryMethod, int keepAliveSeconds, long version) {
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
            older.forEach(clientSessions::closeSession);
            if (!older.isEmpty()) {
                log.info("CSP login of {} forced {} older session(s) out", msisdn, older.size());
            }
        }
        UUID core = clientSessions.openSession(msisdn, Duration.ofSeconds(keepAliveSeconds).plus(settings.keepAliveGrace()));
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
        // should the transaction roll back, nobody has the SessionID: the entry is never used, and evicted
        known.put(TokenKey.of(hash(sessionId)), new Known(new WvSession(core, msisdn, version, truncate(sessionCookie)), now.toEpochMilli()));
        return sessionId;
    }

    /**
     * The live session a request names, kept alive by the request: from memory when this instance served it before.
     *
     * @throws CspFault 604 for no or an unknown session, or one logged out; 600 for one expired; 601 for one a newer
     *     login ended
     */
    public WvSession resolve(String sessionId) {
        if (sessionId == null || sessionId.isBlank()) {
            throw new CspFault(StatusCode.INVALID_SESSION, "Not logged in: an Inband session with a SessionID is required");
        }
        byte[] hash = hash(sessionId.strip());
        TokenKey key = TokenKey.of(hash);
        long now = clock.millis();
        Known k = known.get(key);
        if (k == null) {
            k = new Known(load(hash), now);
            known.put(key, k);
        } else {
            k.usedAt = now;
        }
        if (clientSessions.touch(k.session.clientSession()).isEmpty()) {
            known.remove(key);
            agreed.remove(k.session.clientSession());
            SessionEnd end = endOf(hash).orElse(SessionEnd.EXPIRED);
            throw new CspFault(end.status(), end.status().meaning());
        }
        return k.session;
    }

    /**
     * Counts the bytes of a request and its answer to the session a SessionID names, if it is live here (in memory:
     * written with the session's next touch, see {@link ClientSessions#addData}).
     */
    public void countData(String sessionId, long bytes) {
        if (sessionId == null || sessionId.isBlank()) {
            return;
        }
        Known k = known.get(TokenKey.of(hash(sessionId.strip())));
        if (k != null) {
            countData(k.session, bytes);
        }
    }

    /** {@link #countData(String, long)} for a session the request was served in ({@link #resolve}d). */
    public void countData(WvSession session, long bytes) {
        clientSessions.addData(session.clientSession(), bytes);
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
        Known k = known.get(TokenKey.of(hash));
        WvSession session = k == null ? null : k.session;
        if (session == null) {
            try {
                session = load(hash);
            } catch (CspFault ended) {
                return Optional.empty();
            }
        }
        return clientSessions.liveSessions(session.msisdn()).contains(session.clientSession()) ? Optional.of(session) : Optional.empty();
    }

    /** Ends a session at the client's request; its SessionID is unknown from then on. */
    @Transactional
    public void logout(String sessionId, WvSession session) {
        byte[] hash = hash(sessionId.strip());
        jdbc.sql("update im.wv_session set end_reason = 'LOGGED_OUT' where token_hash = ? and end_reason is null").param(hash).update();
        clientSessions.closeSession(session.clientSession());
        known.remove(TokenKey.of(hash));
    }

    /** Agrees a new KeepAliveTime for a live session. */
    @Transactional
    public void changeKeepAlive(WvSession session, int keepAliveSeconds) {
        clientSessions.changeTimeout(session.clientSession(), Duration.ofSeconds(keepAliveSeconds).plus(settings.keepAliveGrace()));
        jdbc.sql("update im.wv_session set keep_alive_seconds = ? where client_session_id = ?")
                .params(keepAliveSeconds, session.clientSession()).update();
        changedSettings(session);
    }

    /** The KeepAliveTime agreed for a session. */
    public int keepAliveSeconds(WvSession session) {
        return agreed(session).keepAliveSeconds();
    }

    /** Sets how new messages reach a session's client. */
    @Transactional
    public void changeDeliveryMethod(WvSession session, DeliveryMethod method) {
        jdbc.sql("update im.wv_session set delivery_method = ? where client_session_id = ?")
                .params(method.code(), session.clientSession()).update();
        changedSettings(session);
    }

    /** How new messages reach a session's client, as last agreed through any instance. */
    public DeliveryMethod deliveryMethod(WvSession session) {
        return agreed(session).deliveryMethod();
    }

    /** What the session agreed: as kept here, unless a session of the subscriber changed its settings since. */
    private Agreed agreed(WvSession session) {
        long version = signals.settingsVersion(session.msisdn()); // read before the row: a change after it moves it
        Agreed a = agreed.get(session.clientSession());
        if (a != null && version >= 0 && a.version() == version) {
            return a;
        }
        Agreed read = jdbc.sql("select delivery_method, keep_alive_seconds from im.wv_session where client_session_id = ?")
                .param(session.clientSession())
                .query((rs, i) -> new Agreed(DeliveryMethod.of(rs.getString(1)), rs.getInt(2), version)).single();
        agreed.put(session.clientSession(), read);
        return read;
    }

    /** Once committed, this instance reads the session's settings again at once; the others when the database's signal comes. */
    private void changedSettings(WvSession session) {
        Runnable raise = () -> signals.raise(session.msisdn(), WakeSignals.Kind.SETTINGS);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    raise.run();
                }
            });
        } else {
            raise.run();
        }
        agreed.remove(session.clientSession());
    }

    /**
     * Whether the client takes presence authorisation requests (it agreed CSP reactive authorisation, REACT); true
     * until its service negotiation leaves REACT out.
     */
    @Transactional(readOnly = true)
    public boolean reactiveAuthorization(WvSession session) {
        return jdbc.sql("select reactive_authorization from im.wv_session where client_session_id = ?")
                .param(session.clientSession()).query(Boolean.class).optional().orElse(true);
    }

    /** Records whether the client agreed reactive presence authorisation (see {@link #reactiveAuthorization}). */
    @Transactional
    public void changeReactiveAuthorization(WvSession session, boolean reactive) {
        jdbc.sql("update im.wv_session set reactive_authorization = ? where client_session_id = ?")
                .params(reactive, session.clientSession()).update();
    }

    /** The core session ended (on any instance, for any reason): the CSP session records when and why. */
    @EventListener
    public void onClosed(ClientSessionClosed closed) {
        agreed.remove(closed.sessionId()); // its SessionID stays known here until used again (the touch refuses it) or silent
        jdbc.sql("""
                update im.wv_session set ended_at = ?, end_reason = coalesce(end_reason, ?)
                where client_session_id = ? and ended_at is null""")
                .params(Timestamp.from(clock.instant()), (closed.expired() ? SessionEnd.EXPIRED : SessionEnd.LOGGED_OUT).name(),
                        closed.sessionId())
                .update();
    }

    /**
     * Forgets here the sessions not used here for longer than the longest KeepAliveTime and its grace (they ended, or
     * their client went to another instance): a request in one of them reads it again.
     */
    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.MINUTES)
    public void forgetSilent() {
        long before = clock.millis() - settings.keepAliveMax().plus(settings.keepAliveGrace()).toMillis();
        known.values().removeIf(k -> {
            if (k.usedAt >= before) {
                return false;
            }
            agreed.remove(k.session.clientSession());
            return true;
        });
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
        return Sha256.of(sessionId);
    }

    private record Row(WvSession session, String endReason) {
    }
}
