package io.mobim.platform.messaging;

import io.mobim.events.Msisdn;
import io.mobim.platform.subscribers.Languages;
import io.mobim.platform.subscribers.Subscriber;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends messages between subscribers: decides for each recipient whether it takes the message and how it reaches
 * them (a live client session, else SMS if they take it, else stored for their next session), then has the accepted
 * messages written with one delivery per recipient ({@link MessageWriter}). What becomes of a delivery afterwards is
 * {@link ClientDeliveries}' (a client fetches and acknowledges it), {@link SmsOutcomes}' (the SMS-C's receipt) and
 * {@link DeliverySweeper}'s (what time decides). Every state change is a conditional update, so nothing is delivered or
 * charged twice, and any instance can do any of it: all state is in PostgreSQL.
 */
public class MessageSender {

    /** Client message id of a message that arrived as an SMS MO: {@code mo:<MO id>} (dedupes a replayed MO). */
    public static final String MO_CLIENT_ID_PREFIX = "mo:";

    private final JdbcClient jdbc;
    private final SendRules rules;
    private final ListAndRoomSends listsAndRooms;
    private final MessageWriter writer;
    private final Deliveries deliveries;
    private final Interconnect interconnect;
    private final Clock clock;

    MessageSender(JdbcClient jdbc, SendRules rules, ListAndRoomSends listsAndRooms, MessageWriter writer, Deliveries deliveries,
                  Interconnect interconnect, Clock clock) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.listsAndRooms = listsAndRooms;
        this.writer = writer;
        this.deliveries = deliveries;
        this.interconnect = interconnect;
        this.clock = clock;
    }

    /**
     * Sends {@code body} from {@code sender} to {@code target}, in the caller's transaction if it has one.
     *
     * @param clientMessageId the client's own id of the message, if it has one: resending it returns the first result
     * @param deliveryReport whether the sender wants to be told when each recipient got it
     * @throws MessageRefused if nothing was accepted (nothing is then stored or charged, so a caller's transaction
     *     may go on: the SMS command handler answers the refusal in it)
     */
    @Transactional(noRollbackFor = MessageRefused.class)
    public SendResult send(Msisdn sender, Target target, String body, Origin origin, String clientMessageId, boolean deliveryReport) {
        return sendEach(List.of(new SendRequest(sender, target, body, origin, clientMessageId, deliveryReport)), false).getFirst().get();
    }

    /**
     * Sends several messages in one transaction (the caller's if it has one): each is decided as if sent alone, in
     * order (a later one sees an earlier one's client message id and offline-store use), but one read decides all
     * the one-to-one messages, one statement stores every message and delivery, and the outbox records go in
     * together at the commit. One outcome per request, in order; a refused request does not affect the others.
     * A database error fails them all (the transaction rolls back): {@link GroupCommit} then sends them one by one.
     * Its count of waiting deliveries, if it needs one, is planned for the tables as they are; the read and the insert,
     * which look up subscribers, sessions and messages by key whatever the tables hold, keep their plans.
     */
    @Transactional
    public List<SendOutcome> sendAll(List<SendRequest> requests) {
        return sendEach(requests, true);
    }

    /**
     * Takes a message a peer operator's platform handed over for one of this operator's subscribers, in the caller's
     * transaction if it has one: decided as a one-to-one message is (the recipient active, not blocking the sender,
     * accepting them), delivered over the recipient's channels, their leg charged as INTEROP when delivered. The
     * sender is the peer's subscriber: not charged here, and no rate limit of this platform applies to them.
     *
     * @param peerMessageKey the peer's id of the message, unique per peer: handing it over again returns the first result
     * @param senderName     what the recipient is shown when they have no name of their own for the sender
     * @throws MessageRefused if the recipient does not take it (nothing is then stored)
     */
    @Transactional(noRollbackFor = MessageRefused.class)
    public SendResult receiveFromPeer(Origin origin, String peerMessageKey, Msisdn sender, String senderName, Msisdn recipient, String body) {
        if (!origin.fromPeer()) {
            throw new IllegalArgumentException("not a peer's message: " + origin.channel());
        }
        SendRequest q = new SendRequest(sender, Target.subscriber(recipient), body, origin, peerMessageKey, false);
        SendBatch batch = new SendBatch(clock.instant(), false);
        OneToOne row = readOneToOne(new String[] {sender.value()}, new String[] {recipient.value()}, new String[] {peerMessageKey}, batch).getFirst();
        if (row.recipientActive() && !row.online() && !row.smsFallback()) {
            rules.countStored(List.of(recipient), batch);
        }
        SendOutcome outcome = attempt(() -> decideFromPeer(q, row, senderName, batch));
        writer.store(batch);
        return outcome.get();
    }

    /** Each recipient's status of a message, for its sender and for operators. */
    @Transactional(readOnly = true)
    public List<SendResult.Recipient> outcomes(UUID messageId) {
        return deliveries.outcomes(messageId);
    }

    private List<SendOutcome> sendEach(List<SendRequest> requests, boolean planWaitingCounts) {
        SendOutcome[] outcomes = new SendOutcome[requests.size()];
        SendBatch batch = new SendBatch(clock.instant(), planWaitingCounts);
        List<Integer> oneToOne = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            if (requests.get(i).target() instanceof Target.Subscriber) {
                oneToOne.add(i);
            } else {
                int index = i;
                outcomes[i] = attempt(() -> listsAndRooms.plan(requests.get(index), index, batch));
            }
        }
        if (!oneToOne.isEmpty()) {
            planOneToOne(requests, oneToOne, outcomes, batch);
        }
        writer.store(batch);
        return List.of(outcomes);
    }

    private static SendOutcome attempt(Supplier<SendResult> plan) {
        try {
            return SendOutcome.sent(plan.get());
        } catch (MessageRefused e) {
            return SendOutcome.refused(e);
        }
    }

    /**
     * The common case, one recipient: one read for all of them, giving for each both subscribers, the recipient's
     * name for the sender, whether the recipient refuses the sender (block or grant list) or accepts only contacts, whether a client of
     * theirs is live, and an earlier message with the same client id. Decided in the same order as the other targets.
     */
    private void planOneToOne(List<SendRequest> requests, List<Integer> indexes, SendOutcome[] outcomes, SendBatch batch) {
        int n = indexes.size();
        String[] senders = new String[n];
        String[] recipients = new String[n];
        String[] clientIds = new String[n];
        for (int j = 0; j < n; j++) {
            SendRequest q = requests.get(indexes.get(j));
            senders[j] = q.sender().value();
            recipients[j] = ((Target.Subscriber) q.target()).msisdn().value();
            clientIds[j] = q.clientMessageId();
        }
        List<OneToOne> rows = readOneToOne(senders, recipients, clientIds, batch);
        List<String> notSubscribers = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            if (!rows.get(j).recipientActive()) {
                notSubscribers.add(recipients[j]);
            }
        }
        Map<String, String> peers = notSubscribers.isEmpty() ? Map.of() : interconnect.peersOf(notSubscribers);
        List<Msisdn> offline = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            OneToOne r = rows.get(j);
            if (r.recipientActive() && !r.online() && !r.smsFallback()) {
                offline.add(Msisdn.of(recipients[j]));
            }
        }
        rules.countStored(offline, batch); // one statement for the offline stores the batch may fill
        for (int j = 0; j < n; j++) {
            int index = indexes.get(j);
            OneToOne row = rows.get(j);
            String peer = peers.get(recipients[j]);
            outcomes[index] = attempt(() -> decideOneToOne(requests.get(index), index, row, peer, batch));
        }
    }

    /** The one statement that reads what deciding one-to-one messages needs (see {@link #planOneToOne}). */
    private List<OneToOne> readOneToOne(String[] senders, String[] recipients, String[] clientIds, SendBatch batch) {
        // each lookup is a lateral subquery with "limit 1", which PostgreSQL cannot fold into a join: every row of the
        // batch is answered by key lookups, however many subscribers and sessions there are. As plain joins (and
        // exists) they became hash joins over whole tables whenever the planner thought the tables small: with 2,000
        // subscribers 4 ms of a 200-message batch's 5-7 ms, growing with the subscriber base.
        return jdbc.sql("""
                select s.status = 'ACTIVE' as sender_active, s.nickname as sender_nickname, s.tariff_plan as sender_plan,
                       coalesce(r.status = 'ACTIVE', false) as recipient_active, r.sms_fallback, r.contacts_only,
                       r.locale as recipient_locale, c.nickname as alias, c.position as sender_position,
                       c.owner is not null as is_contact, (select refused from im.refusal(x.recipient, x.sender)) as blocked,
                       o.msisdn is not null as online,
                       (select m.id from im.message m where m.sender = x.sender and m.client_message_id = x.client_id) as earlier
                from unnest(?::varchar[], ?::varchar[], ?::varchar[]) with ordinality as x(sender, recipient, client_id, i)
                left join lateral (select status, nickname, tariff_plan from im.subscriber
                                   where msisdn = x.sender limit 1) s on true
                left join lateral (select status, sms_fallback, contacts_only, locale from im.subscriber
                                   where msisdn = x.recipient limit 1) r on true
                left join lateral (select owner, nickname, position from im.contact
                                   where owner = x.recipient and contact_msisdn = x.sender limit 1) c on true
                left join lateral (select msisdn from im.client_session
                                   where msisdn = x.recipient and expires_at > ? limit 1) o on true
                order by x.i""")
                .params(senders, recipients, clientIds, Timestamp.from(batch.now))
                .query(MessageSender::oneToOne)
                .list();
    }

    /** A row of {@link #readOneToOne}, read by position (the statement's column order): this runs for every message. */
    private static OneToOne oneToOne(ResultSet rs, int row) throws SQLException {
        int position = rs.getInt(9);
        Integer senderPosition = rs.wasNull() ? null : position;
        return new OneToOne(rs.getBoolean(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getBoolean(5),
                rs.getBoolean(6), rs.getString(7), rs.getString(8), senderPosition, rs.getBoolean(10), rs.getBoolean(11),
                rs.getBoolean(12), (UUID) rs.getObject(13));
    }

    private SendResult decideOneToOne(SendRequest q, int index, OneToOne r, String peer, SendBatch batch) {
        if (!r.senderActive()) {
            throw rules.refused(MessageRefused.Reason.SENDER_NOT_ACTIVE, "the sender is not an active subscriber");
        }
        rules.checkBody(q.body());
        if (r.earlier() != null) {
            return rules.resent(r.earlier());
        }
        SendResult again = batch.earlier(q);
        if (again != null) {
            return again;
        }
        rules.checkRate(q.sender());
        if (!r.recipientActive() && peer != null) {
            // a peer operator's subscriber: that operator decides whether they take it, and delivers it
            return batch.accept(q, index, r.senderPlan(), null, List.of(new SendBatch.Routed(((Target.Subscriber) q.target()).msisdn(),
                    r.senderNickname(), SendResult.Route.INTEROP, null, peer)), List.of());
        }
        if (!r.recipientActive()) {
            throw rules.refused(MessageRefused.Reason.RECIPIENT_UNKNOWN, "the recipient is not a subscriber");
        }
        if (r.blocked() || (r.contactsOnly() && !r.isContact())) {
            // refused and never stored; the sender is not told which of the two it was
            throw rules.refused(MessageRefused.Reason.NOT_ACCEPTED, "the recipient does not accept messages from you");
        }
        Msisdn recipient = ((Target.Subscriber) q.target()).msisdn();
        SendResult.Route route = rules.route(recipient, r.online(), r.smsFallback(), true, batch).orElseThrow();
        // the recipient sees the sender as they named them, or by the sender's own nickname
        String alias = r.alias() != null ? r.alias() : r.senderNickname();
        SmsRecipient sms = route == SendResult.Route.SMS
                ? new SmsRecipient(recipient, Languages.of(r.recipientLocale()), r.senderPosition()) : null;
        return batch.accept(q, index, r.senderPlan(), null, List.of(new SendBatch.Routed(recipient, alias, route, sms)), List.of());
    }

    /** {@link #decideOneToOne} for a peer's subscriber writing to one of ours: the recipient's rules alone. */
    private SendResult decideFromPeer(SendRequest q, OneToOne r, String senderName, SendBatch batch) {
        rules.checkBody(q.body());
        if (r.earlier() != null) {
            return rules.resent(r.earlier());
        }
        if (!r.recipientActive()) {
            throw rules.refused(MessageRefused.Reason.RECIPIENT_UNKNOWN, "the recipient is not a subscriber");
        }
        if (r.blocked() || (r.contactsOnly() && !r.isContact())) {
            throw rules.refused(MessageRefused.Reason.NOT_ACCEPTED, "the recipient does not accept messages from the sender");
        }
        Msisdn recipient = ((Target.Subscriber) q.target()).msisdn();
        SendResult.Route route = rules.route(recipient, r.online(), r.smsFallback(), true, batch).orElseThrow();
        String alias = r.alias() != null ? r.alias() : senderName;
        SmsRecipient sms = route == SendResult.Route.SMS
                ? new SmsRecipient(recipient, Languages.of(r.recipientLocale()), r.senderPosition()) : null;
        return batch.accept(q, 0, null, null, List.of(new SendBatch.Routed(recipient, alias, route, sms)), List.of());
    }

    /** What the one-to-one read tells about one request (see {@link #planOneToOne}). */
    private record OneToOne(boolean senderActive, String senderNickname, String senderPlan, boolean recipientActive,
                            boolean smsFallback, boolean contactsOnly, String recipientLocale, String alias, Integer senderPosition,
                            boolean isContact, boolean blocked,
                            boolean online, UUID earlier) {
    }
}
