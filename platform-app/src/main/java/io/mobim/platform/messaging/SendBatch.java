package io.mobim.platform.messaging;

import io.mobim.events.Msisdn;
import io.mobim.events.TimeOrderedIds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The messages one call of {@link MessageSender} accepted, before they are stored with one statement, and what later
 * requests of the same call must see of them: their client message ids (a resend in the same batch gets the first
 * result) and the deliveries they added to offline stores (the quota counts them).
 */
final class SendBatch {

    /** The batch's clock reading: message {@code i} of the call is stamped {@code now + i µs}, so order is kept. */
    final Instant now;
    /** Whether its counts of waiting deliveries are planned for the tables as they are ({@link MessageSender#sendAll}). */
    private boolean planWaitingCounts;
    final List<NewMessage> messages = new ArrayList<>();
    private final Map<String, SendResult> byClientId = new HashMap<>();
    /** Open offline deliveries per recipient: stored ones read from the database, plus this batch's. */
    private final Map<Msisdn, Integer> stored = new HashMap<>();

    SendBatch(Instant now, boolean planWaitingCounts) {
        this.now = now;
        this.planWaitingCounts = planWaitingCounts;
    }

    /**
     * Before a count of waiting deliveries: the first in a batch that plans them for the tables as they are has the
     * rest of its transaction planned so ({@link Deliveries#planForTablesAsTheyAre}).
     */
    void beforeWaitingCount(JdbcClient jdbc) {
        if (planWaitingCounts) {
            Deliveries.planForTablesAsTheyAre(jdbc);
            planWaitingCounts = false;
        }
    }

    /** The result of an earlier request of this batch with the same sender and client message id, else null. */
    SendResult earlier(SendRequest request) {
        return request.clientMessageId() == null ? null : byClientId.get(clientKey(request));
    }

    boolean knowsStored(Msisdn recipient) {
        return stored.containsKey(recipient);
    }

    void storedInDatabase(Msisdn recipient, int count) {
        stored.putIfAbsent(recipient, count);
    }

    int stored(Msisdn recipient) {
        return stored.getOrDefault(recipient, 0);
    }

    /** Accepts a message of request number {@code index} for the routed recipients; returns its result. */
    SendResult accept(SendRequest request, int index, String senderPlan, String room, List<Routed> routed,
                      List<SendResult.Recipient> refusedRecipients) {
        UUID messageId = TimeOrderedIds.next();
        List<SendResult.Recipient> outcomes = new ArrayList<>(routed.size() + refusedRecipients.size());
        List<UUID> deliveryIds = new ArrayList<>(routed.size());
        for (Routed r : routed) {
            deliveryIds.add(TimeOrderedIds.next());
            outcomes.add(new SendResult.Recipient(r.recipient(), DeliveryStatus.ACCEPTED, r.route(), null));
            if (r.route() == SendResult.Route.STORED) {
                stored.merge(r.recipient(), 1, Integer::sum);
            }
        }
        outcomes.addAll(refusedRecipients);
        messages.add(new NewMessage(messageId, index, request, senderPlan, room, routed, deliveryIds));
        SendResult result = new SendResult(messageId, List.copyOf(outcomes), false);
        if (request.clientMessageId() != null) {
            byClientId.putIfAbsent(clientKey(request), new SendResult(messageId, result.recipients(), true));
        }
        return result;
    }

    private static String clientKey(SendRequest r) {
        return r.sender().value() + '\n' + r.clientMessageId();
    }

    /**
     * An accepted recipient: how it is reached, for an SMS what its text needs of them, and for a peer operator's
     * subscriber ({@link SendResult.Route#INTEROP}) that operator.
     */
    record Routed(Msisdn recipient, String alias, SendResult.Route route, SmsRecipient sms, String peerOperator) {

        Routed(Msisdn recipient, String alias, SendResult.Route route, SmsRecipient sms) {
            this(recipient, alias, route, sms, null);
        }

        boolean offNet() {
            return route == SendResult.Route.INTEROP;
        }
    }

    /** An accepted message, to be stored: request number {@code index} of the call, one delivery id per routed recipient. */
    record NewMessage(UUID id, int index, SendRequest request, String senderPlan, String room, List<Routed> routed,
                      List<UUID> deliveryIds) {

        Instant createdAt(Instant batchNow) {
            return batchNow.plusNanos(index * 1_000L);
        }
    }
}
