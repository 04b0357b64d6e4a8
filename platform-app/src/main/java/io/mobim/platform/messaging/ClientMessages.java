package io.mobim.platform.messaging;

import io.mobim.events.Msisdn;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a client channel reads about its deliveries without changing them: a message a session claimed but has not
 * acknowledged yet (a client told of a message fetches its content later), and the messages waiting for it. Claims
 * and acknowledgements, and whether more wait after a claim ({@link HandedOut}), are {@link ClientDeliveries}'.
 */
public class ClientMessages {

    private final JdbcClient jdbc;
    private final Clock clock;

    ClientMessages(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Message {@code messageId} as handed to session {@code sessionId} of {@code recipient}, while it is unacknowledged. */
    @Transactional(readOnly = true)
    public Optional<ClientDelivery> claimed(UUID sessionId, Msisdn recipient, UUID messageId) {
        return jdbc.sql("""
                select d.id, d.message_id, d.sender_alias, m.sender, m.body, m.created_at, m.target_kind, m.target
                from im.delivery d join im.message m on m.id = d.message_id
                where d.message_id = ? and d.recipient = ? and d.session_id = ? and d.status = %s and d.claimed_at is not null
                limit 1""".formatted(DeliveryState.PENDING.literal()))
                .params(messageId, recipient.value(), sessionId)
                .query((rs, i) -> Deliveries.clientDelivery(rs)).optional();
    }

    /**
     * The messages waiting for {@code recipient} that session {@code sessionId} may still take, oldest first, at most
     * {@code max}: those no session claimed and those this session claimed and did not acknowledge. Nothing is claimed.
     */
    @Transactional(readOnly = true)
    public List<ClientDelivery> waitingList(UUID sessionId, Msisdn recipient, int max) {
        return jdbc.sql("""
                select d.id, d.message_id, d.sender_alias, m.sender, m.body, m.created_at, m.target_kind, m.target
                from im.delivery d join im.message m on m.id = d.message_id
                where d.recipient = ? and d.status = %s and d.expires_at > ? and (d.claimed_at is null or d.session_id = ?)
                order by d.updated_at, d.id limit ?""".formatted(DeliveryState.PENDING.literal()))
                .params(recipient.value(), Timestamp.from(clock.instant()), sessionId, max)
                .query((rs, i) -> Deliveries.clientDelivery(rs)).list();
    }

    /** Message {@code messageId} as {@code recipient} got it (or may still get it), while the message is kept. */
    @Transactional(readOnly = true)
    public Optional<ClientDelivery> received(Msisdn recipient, UUID messageId) {
        return jdbc.sql("""
                select d.id, d.message_id, d.sender_alias, m.sender, m.body, m.created_at, m.target_kind, m.target
                from im.delivery d join im.message m on m.id = d.message_id
                where d.message_id = ? and d.recipient = ? limit 1""")
                .params(messageId, recipient.value())
                .query((rs, i) -> Deliveries.clientDelivery(rs)).optional();
    }
}
