package io.mobim.platform.messaging;

import io.mobim.events.charging.ChargedRole;
import io.mobim.events.charging.Channel;
import io.mobim.platform.charging.ChargingRecorder;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes what a send accepted ({@link SendBatch}): every message and its deliveries in one statement, the SMS of
 * the deliveries routed to SMS, and each sender's charging event; in the caller's transaction.
 */
final class MessageWriter {

    private final JdbcClient jdbc;
    private final SmsSubmission submission;
    private final ChargingRecorder charging;
    private final MessagingSettings settings;
    private final MessagingCounters counters;
    private final Interconnect interconnect;

    MessageWriter(JdbcClient jdbc, SmsSubmission submission, ChargingRecorder charging, MessagingSettings settings, MessagingCounters counters,
                  Interconnect interconnect) {
        this.interconnect = interconnect;
        this.jdbc = jdbc;
        this.submission = submission;
        this.charging = charging;
        this.settings = settings;
        this.counters = counters;
    }

    /**
     * Stores the batch's messages with one delivery per routed recipient (one statement for all), submits the SMS
     * ones, and records each sender's charging event; all in the caller's transaction.
     */
    void store(SendBatch batch) {
        List<SendBatch.NewMessage> messages = batch.messages;
        if (messages.isEmpty()) {
            return;
        }
        int m = messages.size();
        // a peer operator's subscriber gets no delivery here: the peer delivers it
        int d = messages.stream().mapToInt(x -> (int) x.routed().stream().filter(r -> !r.offNet()).count()).sum();
        UUID[] ids = new UUID[m];
        String[] senders = new String[m];
        String[] clientIds = new String[m];
        String[] kinds = new String[m];
        String[] targets = new String[m];
        String[] channels = new String[m];
        String[] bodies = new String[m];
        Boolean[] reports = new Boolean[m];
        Integer[] offsets = new Integer[m];
        String[] peers = new String[m];
        UUID[] deliveryIds = new UUID[d];
        UUID[] deliveryMessages = new UUID[d];
        String[] recipients = new String[d];
        String[] aliases = new String[d];
        Boolean[] sms = new Boolean[d];
        int k = 0;
        for (int i = 0; i < m; i++) {
            SendBatch.NewMessage msg = messages.get(i);
            SendRequest q = msg.request();
            ids[i] = msg.id();
            senders[i] = q.sender().value();
            clientIds[i] = q.clientMessageId();
            kinds[i] = kindOf(q.target());
            targets[i] = nameOf(q.target());
            channels[i] = q.origin().channel().name();
            bodies[i] = q.body();
            reports[i] = q.deliveryReport();
            offsets[i] = msg.index();
            peers[i] = q.origin().peerOperator();
            for (int j = 0; j < msg.routed().size(); j++) {
                SendBatch.Routed r = msg.routed().get(j);
                if (r.offNet()) {
                    peers[i] = r.peerOperator();
                    continue;
                }
                deliveryIds[k] = msg.deliveryIds().get(j);
                deliveryMessages[k] = msg.id();
                recipients[k] = r.recipient().value();
                aliases[k] = r.alias();
                sms[k] = r.route() == SendResult.Route.SMS;
                k++;
            }
        }
        Instant now = batch.now;
        Instant expires = now.plus(settings.validity());
        // message i of the call is stamped now + i µs, so a recipient fetches a batch's messages in the order sent;
        // an SMS delivery is in flight at once, the others wait for a client's fetch
        jdbc.sql("""
                with m as (
                    insert into im.message (id, sender, client_message_id, target_kind, target, origin_channel, body,
                                            delivery_report, created_at, expires_at, peer_operator)
                    select x.id, x.sender, x.client_id, x.kind, x.target, x.channel, x.body, x.report,
                           ?::timestamptz + x.n * interval '1 microsecond', ?::timestamptz + x.n * interval '1 microsecond', x.peer
                    from unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::text[],
                                ?::boolean[], ?::int[], ?::varchar[]) as x(id, sender, client_id, kind, target, channel, body, report, n, peer)
                    returning id, created_at, expires_at)
                insert into im.delivery (id, message_id, recipient, sender_alias, status, channel, attempts, claimed_at,
                                         updated_at, expires_at)
                select d.id, m.id, d.recipient, d.alias, case when d.sms then ? else ? end,
                       case when d.sms then ? end, case when d.sms then 1 else 0 end, case when d.sms then m.created_at end,
                       m.created_at, m.expires_at
                from unnest(?::uuid[], ?::uuid[], ?::varchar[], ?::varchar[], ?::boolean[]) as d(id, message_id, recipient, alias, sms)
                join m on m.id = d.message_id""")
                .params(Timestamp.from(now), Timestamp.from(expires), ids, senders, clientIds, kinds, targets, channels, bodies,
                        reports, offsets, peers, DeliveryState.IN_FLIGHT.value(), DeliveryState.PENDING.value(), DeliveryChannel.SMS.value(),
                        deliveryIds, deliveryMessages, recipients, aliases, sms)
                .update();
        List<ChargingRecorder.Use> uses = new ArrayList<>(m);
        for (SendBatch.NewMessage msg : messages) {
            if (msg.request().origin().fromPeer()) {
                continue; // the sender is a peer's subscriber: their operator charges them
            }
            uses.add(new ChargingRecorder.Use(msg.request().sender().value(), msg.senderPlan(), msg.request().origin().channel()));
        }
        charging.daysOfUse(uses); // one statement for the senders whose day of use is not known yet
        for (SendBatch.NewMessage msg : messages) {
            SendRequest q = msg.request();
            Instant createdAt = msg.createdAt(now);
            for (int j = 0; j < msg.routed().size(); j++) {
                SendBatch.Routed r = msg.routed().get(j);
                if (r.offNet()) {
                    interconnect.handOver(new Interconnect.OffNetMessage(msg.id(), q.sender(), r.alias(), r.recipient(), r.peerOperator(),
                            q.body(), q.origin().channel(), q.origin().channel() == Channel.SMS ? Math.max(1, q.origin().segments()) : 1,
                            createdAt));
                } else if (r.route() == SendResult.Route.SMS) {
                    UUID deliveryId = msg.deliveryIds().get(j);
                    submission.submit(deliveryId, new ClientDelivery(deliveryId, msg.id(), q.sender(), r.alias(), msg.room(), q.body(), createdAt),
                            r.sms(), createdAt.plus(settings.validity()));
                }
                counters.counter("mobim.messages.routed", "route", r.route().name()).increment();
            }
            Channel channel = q.origin().channel();
            if (q.origin().fromPeer()) {
                counters.counter("mobim.messages.accepted", "channel", channel.name()).increment();
                continue; // the sender is charged by their own operator
            }
            String offNet = msg.routed().stream().filter(SendBatch.Routed::offNet).map(SendBatch.Routed::peerOperator).findFirst().orElse(null);
            // a message to a peer's subscriber is charged as an INTEROP leg, with the peer as the other party's operator
            charging.message(new ChargingRecorder.MessageLeg(Deliveries.legId(msg.id(), q.sender()), msg.id().toString(), q.sender().value(),
                    ChargedRole.ORIGINATOR, msg.senderPlan(), offNet == null ? channel : Channel.INTEROP, false, nameOf(q.target()), offNet,
                    q.origin().smscReference(), q.origin().segments()));
            counters.counter("mobim.messages.accepted", "channel", channel.name()).increment();
        }
    }

    private static String kindOf(Target t) {
        return switch (t) {
            case Target.Subscriber s -> "SUBSCRIBER";
            case Target.ContactList l -> "CONTACT_LIST";
            case Target.Room r -> "ROOM";
        };
    }

    private static String nameOf(Target t) {
        return switch (t) {
            case Target.Subscriber s -> s.msisdn().value();
            case Target.ContactList l -> l.name();
            case Target.Room r -> r.name();
        };
    }
}
