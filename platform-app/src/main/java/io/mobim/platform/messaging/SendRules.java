package io.mobim.platform.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.mobim.events.Msisdn;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rules every send is decided by, whatever its target: a body of the allowed length, the sender's rate, a resent
 * client message id answered with the first result, and how a recipient is reached (a live client, SMS, or their
 * offline store while it has room). A refusal is counted by its reason.
 */
final class SendRules {

    private final JdbcClient jdbc;
    private final Deliveries deliveries;
    private final MessagingSettings settings;
    private final SendRateLimits limiters;
    private final MessagingCounters counters;

    SendRules(JdbcClient jdbc, Deliveries deliveries, MessagingSettings settings, MessagingCounters counters, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.deliveries = deliveries;
        this.settings = settings;
        this.counters = counters;
        this.limiters = new SendRateLimits(settings.sendLimit(), settings.sendLimitPeriod());
        meters.gauge("mobim.messaging.rate-limited-senders", limiters, SendRateLimits::trackedSenders);
    }

    /** The first result of message {@code messageId}, for a request that sent it again (same sender and client id). */
    SendResult resent(UUID messageId) {
        return new SendResult(messageId, deliveries.outcomes(messageId), true);
    }

    /** The first result of a stored message with the request's sender and client message id, else null. */
    SendResult sentBefore(SendRequest q) {
        return jdbc.sql("select id from im.message where sender = ? and client_message_id = ?")
                .params(q.sender().value(), q.clientMessageId()).query(UUID.class).optional().map(this::resent).orElse(null);
    }

    void checkBody(String body) {
        if (body == null || body.isBlank()) {
            throw refused(MessageRefused.Reason.EMPTY, "the message is empty");
        }
        if (body.length() > settings.maxLength()) {
            throw refused(MessageRefused.Reason.TOO_LONG, "the message has more than " + settings.maxLength() + " characters");
        }
    }

    void checkRate(Msisdn sender) {
        if (!limiters.tryAcquire(sender)) {
            throw refused(MessageRefused.Reason.RATE_LIMITED, "too many messages: at most " + settings.sendLimit() + " per " + settings.sendLimitPeriod());
        }
    }

    /**
     * How a message reaches {@code to}: a live client, else SMS if they take it, else stored for their next session,
     * unless their store is full (empty; refused outright when {@code single}).
     */
    Optional<SendResult.Route> route(Msisdn to, boolean online, boolean smsFallback, boolean single, SendBatch batch) {
        if (online) {
            return Optional.of(SendResult.Route.CLIENT);
        }
        if (smsFallback) {
            return Optional.of(SendResult.Route.SMS);
        }
        countStored(List.of(to), batch);
        if (batch.stored(to) >= settings.offlineQuota()) {
            if (single) {
                throw refused(MessageRefused.Reason.OFFLINE_QUOTA_FULL, "the recipient's message store is full");
            }
            return Optional.empty();
        }
        return Optional.of(SendResult.Route.STORED);
    }

    /** Reads, in one statement, the offline stores of the recipients the batch does not know yet. */
    void countStored(List<Msisdn> recipients, SendBatch batch) {
        String[] unknown = recipients.stream().filter(r -> !batch.knowsStored(r)).map(Msisdn::value).distinct().toArray(String[]::new);
        if (unknown.length == 0) {
            return;
        }
        Map<String, Integer> counts = new HashMap<>();
        batch.beforeWaitingCount(jdbc);
        // the state named in the text, for the partial index of waiting deliveries by recipient (V13)
        jdbc.sql("select recipient, count(*) from im.delivery where recipient = any(?) and status = %s group by recipient"
                        .formatted(DeliveryState.PENDING.literal()))
                .param(unknown).query(rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                });
        for (String r : unknown) {
            batch.storedInDatabase(Msisdn.of(r), counts.getOrDefault(r, 0));
        }
    }

    MessageRefused refused(MessageRefused.Reason reason, String message) {
        counters.counter("mobim.messages.refused", "reason", reason.name()).increment();
        return new MessageRefused(reason, message);
    }
}
