package io.mobim.platform.messaging;

import io.mobim.events.Msisdn;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a client channel reads about its deliveries without changing them: whether more wait (so it can tell the client
 * to poll again without claiming them), and a message a session claimed but has not acknowledged yet (a client told
 * of a message fetches its content later). Claims and acknowledgements are {@link ClientDeliveries}'.
 */
public class ClientMessages {

    private final JdbcClient jdbc;
    private final Clock clock;

    ClientMessages(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Whether a message waits unclaimed for {@code recipient}'s next fetch. */
    @Transactional(readOnly = true)
    public boolean waiting(Msisdn recipient) {
        return jdbc.sql("""
                select exists (select 1 from im.delivery
                               where recipient = ? and status = %s and claimed_at is null and expires_at > ?)"""
                        .formatted(DeliveryState.PENDING.literal()))
                .params(recipient.value(), Timestamp.from(clock.instant())).query(Boolean.class).single();
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
}
