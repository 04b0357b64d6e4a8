package io.mobim.platform.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.mobim.events.Topics;
import io.mobim.events.charging.Channel;
import io.mobim.events.charging.ChargedRole;
import io.mobim.events.sms.SmsDlr;
import io.mobim.events.sms.SmsMt;
import io.mobim.platform.blocking.BlockList;
import io.mobim.platform.charging.ChargingRecorder;
import io.mobim.platform.contacts.Contact;
import io.mobim.platform.contacts.Contacts;
import io.mobim.platform.outbox.Outbox;
import io.mobim.platform.presence.ClientSessionClosed;
import io.mobim.platform.presence.PresenceService;
import io.mobim.platform.rooms.RoomMember;
import io.mobim.platform.rooms.Rooms;
import io.mobim.platform.subscribers.Msisdn;
import io.mobim.platform.subscribers.Subscriber;
import io.mobim.platform.subscribers.Subscribers;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * Messages between subscribers, stored until the recipient's channel acknowledges them.
 *
 * <p>Every message gets an id and one delivery per recipient. A delivery goes to a live client session
 * (fetched on the client's poll, done only when the client acknowledges it), or as an SMS when no client is
 * live (done when the SMS-C's receipt says delivered), or waits for a client session when the recipient
 * declined SMS. A client that does not acknowledge in time (a phone that silently dropped off GPRS) loses the
 * delivery to SMS; nothing is lost, and every state change is a conditional update, so nothing is delivered
 * or charged twice. Any instance can do any of it: all state is in PostgreSQL.
 */
public class Messaging {

    private final JdbcClient jdbc;
    private final Subscribers subscribers;
    private final Contacts contacts;
    private final BlockList blocks;
    private final PresenceService presence;
    private final Rooms rooms;
    private final Outbox outbox;
    private final ChargingRecorder charging;
    private final ApplicationEventPublisher events;
    private final MessagingSettings settings;
    private final SmsRenderer smsRenderer;
    private final Clock clock;
    private final SendRateLimits limiters;
    private final MeterRegistry meters;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    Messaging(JdbcClient jdbc, Subscribers subscribers, Contacts contacts, BlockList blocks, PresenceService presence,
              Rooms rooms, Outbox outbox, ChargingRecorder charging, ApplicationEventPublisher events,
              MessagingSettings settings, SmsRenderer smsRenderer, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.subscribers = subscribers;
        this.contacts = contacts;
        this.blocks = blocks;
        this.presence = presence;
        this.rooms = rooms;
        this.outbox = outbox;
        this.charging = charging;
        this.events = events;
        this.settings = settings;
        this.smsRenderer = smsRenderer;
        this.clock = clock;
        this.meters = meters;
        this.limiters = new SendRateLimits(settings.sendLimit(), settings.sendLimitPeriod());
        meters.gauge("mobim.messaging.rate-limited-senders", limiters, SendRateLimits::trackedSenders);
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
        return sendEach(List.of(new SendRequest(sender, target, body, origin, clientMessageId, deliveryReport))).getFirst().get();
    }

    /**
     * Sends several messages in one transaction (the caller's if it has one): each is decided as if sent alone, in
     * order (a later one sees an earlier one's client message id and offline-store use), but one read decides all
     * the one-to-one messages, one statement stores every message and delivery, and the outbox records go in
     * together at the commit. One outcome per request, in order; a refused request does not affect the others.
     * A database error fails them all (the transaction rolls back): {@link GroupCommit} then sends them one by one.
     */
    @Transactional
    public List<SendOutcome> sendAll(List<SendRequest> requests) {
        planForTablesAsTheyAre();
        return sendEach(requests);
    }

    private List<SendOutcome> sendEach(List<SendRequest> requests) {
        SendOutcome[] outcomes = new SendOutcome[requests.size()];
        SendBatch batch = new SendBatch(clock.instant());
        List<Integer> oneToOne = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            if (requests.get(i).target() instanceof Target.Subscriber) {
                oneToOne.add(i);
            } else {
                int index = i;
                outcomes[i] = attempt(() -> planToMany(requests.get(index), index, batch));
            }
        }
        if (!oneToOne.isEmpty()) {
            planOneToOne(requests, oneToOne, outcomes, batch);
        }
        store(batch);
        return List.of(outcomes);
    }

    private static SendOutcome attempt(Supplier<SendResult> plan) {
        try {
            return SendOutcome.sent(plan.get());
        } catch (MessageRefused e) {
            return SendOutcome.refused(e);
        }
    }

    /** A message to a contact list or a room: one message, one delivery per member who takes it. */
    private SendResult planToMany(SendRequest q, int index, SendBatch batch) {
        Msisdn sender = q.sender();
        Subscriber from = subscribers.findActive(sender)
                .orElseThrow(() -> refused(MessageRefused.Reason.SENDER_NOT_ACTIVE, "the sender is not an active subscriber"));
        checkBody(q.body());
        if (q.clientMessageId() != null) {
            Optional<UUID> earlier = jdbc.sql("select id from im.message where sender = ? and client_message_id = ?")
                    .params(sender.value(), q.clientMessageId()).query(UUID.class).optional();
            if (earlier.isPresent()) {
                return new SendResult(earlier.get(), outcomes(earlier.get()), true);
            }
            SendResult again = batch.earlier(q);
            if (again != null) {
                return again;
            }
        }
        checkRate(sender);

        String room = null;
        List<Candidate> candidates = new ArrayList<>();
        switch (q.target()) {
            case Target.Subscriber s -> throw new IllegalStateException("planned with the one-to-one messages");
            case Target.ContactList l -> {
                for (Contact c : contacts.members(sender, l.name())) {
                    subscribers.findActive(c.msisdn()).ifPresent(to -> candidates.add(new Candidate(to, aliasOf(from, to))));
                }
            }
            case Target.Room r -> {
                RoomMember me = rooms.memberOf(r.name(), sender)
                        .orElseThrow(() -> refused(MessageRefused.Reason.NOT_A_MEMBER, "join the room before writing to it"));
                room = me.room();
                for (RoomMember m : rooms.members(room)) {
                    if (!m.msisdn().equals(sender)) {
                        subscribers.findActive(m.msisdn()).ifPresent(to -> candidates.add(new Candidate(to, me.nickname())));
                    }
                }
            }
        }
        List<SendBatch.Routed> accepted = new ArrayList<>();
        List<SendResult.Recipient> failed = new ArrayList<>();
        for (Candidate c : candidates) {
            Msisdn to = c.subscriber().msisdn();
            if (blocks.hasBlocked(to, sender) || (c.subscriber().contactsOnly() && !contacts.isContact(to, sender))) {
                continue; // refused and never stored; the sender is not told which of the two it was
            }
            Optional<SendResult.Route> route = route(to, presence.isClientOnline(to), c.subscriber().smsFallback(), false, batch);
            if (route.isEmpty()) {
                failed.add(new SendResult.Recipient(to, DeliveryStatus.FAILED, SendResult.Route.NONE, "offline quota full"));
                continue;
            }
            accepted.add(new SendBatch.Routed(to, c.alias(), route.get(),
                    route.get() == SendResult.Route.SMS ? smsRecipient(c.subscriber(), sender) : null));
        }
        if (accepted.isEmpty()) {
            throw refused(MessageRefused.Reason.NO_RECIPIENTS, "nobody to deliver the message to");
        }
        return batch.accept(q, index, from.tariffPlan(), room, accepted, failed);
    }

    /**
     * The common case, one recipient: one read for all of them, giving for each both subscribers, the recipient's
     * name for the sender, whether the recipient blocks the sender or accepts only contacts, whether a client of
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
        // each lookup is a lateral subquery with "limit 1", which PostgreSQL cannot fold into a join: every row of the
        // batch is answered by key lookups, however many subscribers and sessions there are. As plain joins (and
        // exists) they became hash joins over whole tables whenever the planner thought the tables small: with 2,000
        // subscribers 4 ms of a 200-message batch's 5-7 ms, growing with the subscriber base.
        List<OneToOne> rows = jdbc.sql("""
                select s.status = 'ACTIVE' as sender_active, s.nickname as sender_nickname, s.tariff_plan as sender_plan,
                       coalesce(r.status = 'ACTIVE', false) as recipient_active, r.sms_fallback, r.contacts_only,
                       r.locale as recipient_locale, c.nickname as alias, c.position as sender_position,
                       c.owner is not null as is_contact, b.blocked is not null as blocked,
                       o.msisdn is not null as online,
                       (select m.id from im.message m where m.sender = x.sender and m.client_message_id = x.client_id) as earlier
                from unnest(?::varchar[], ?::varchar[], ?::varchar[]) with ordinality as x(sender, recipient, client_id, i)
                left join lateral (select status, nickname, tariff_plan from im.subscriber
                                   where msisdn = x.sender limit 1) s on true
                left join lateral (select status, sms_fallback, contacts_only, locale from im.subscriber
                                   where msisdn = x.recipient limit 1) r on true
                left join lateral (select owner, nickname, position from im.contact
                                   where owner = x.recipient and contact_msisdn = x.sender limit 1) c on true
                left join lateral (select blocked from im.block
                                   where owner = x.recipient and blocked = x.sender limit 1) b on true
                left join lateral (select msisdn from im.client_session
                                   where msisdn = x.recipient and expires_at > ? limit 1) o on true
                order by x.i""")
                .params(senders, recipients, clientIds, Timestamp.from(batch.now))
                .query((rs, i) -> new OneToOne(rs.getBoolean("sender_active"), rs.getString("sender_nickname"), rs.getString("sender_plan"),
                        rs.getBoolean("recipient_active"), rs.getBoolean("sms_fallback"), rs.getBoolean("contacts_only"),
                        rs.getString("recipient_locale"), rs.getString("alias"), rs.getObject("sender_position", Integer.class), rs.getBoolean("is_contact"), rs.getBoolean("blocked"), rs.getBoolean("online"),
                        rs.getObject("earlier", UUID.class)))
                .list();
        List<Msisdn> offline = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            OneToOne r = rows.get(j);
            if (r.recipientActive() && !r.online() && !r.smsFallback()) {
                offline.add(Msisdn.of(recipients[j]));
            }
        }
        countStored(offline, batch); // one statement for the offline stores the batch may fill
        for (int j = 0; j < n; j++) {
            int index = indexes.get(j);
            OneToOne row = rows.get(j);
            outcomes[index] = attempt(() -> decideOneToOne(requests.get(index), index, row, batch));
        }
    }

    private SendResult decideOneToOne(SendRequest q, int index, OneToOne r, SendBatch batch) {
        if (!r.senderActive()) {
            throw refused(MessageRefused.Reason.SENDER_NOT_ACTIVE, "the sender is not an active subscriber");
        }
        checkBody(q.body());
        if (r.earlier() != null) {
            return new SendResult(r.earlier(), outcomes(r.earlier()), true);
        }
        SendResult again = batch.earlier(q);
        if (again != null) {
            return again;
        }
        checkRate(q.sender());
        if (!r.recipientActive()) {
            throw refused(MessageRefused.Reason.RECIPIENT_UNKNOWN, "the recipient is not a subscriber");
        }
        if (r.blocked() || (r.contactsOnly() && !r.isContact())) {
            // refused and never stored; the sender is not told which of the two it was
            throw refused(MessageRefused.Reason.NOT_ACCEPTED, "the recipient does not accept messages from you");
        }
        Msisdn recipient = ((Target.Subscriber) q.target()).msisdn();
        SendResult.Route route = route(recipient, r.online(), r.smsFallback(), true, batch).orElseThrow();
        // the recipient sees the sender as they named them, or by the sender's own nickname
        String alias = r.alias() != null ? r.alias() : r.senderNickname();
        SmsRecipient sms = route == SendResult.Route.SMS
                ? new SmsRecipient(recipient, Locale.forLanguageTag(r.recipientLocale()), r.senderPosition()) : null;
        return batch.accept(q, index, r.senderPlan(), null, List.of(new SendBatch.Routed(recipient, alias, route, sms)), List.of());
    }

    private void checkBody(String body) {
        if (body == null || body.isBlank()) {
            throw refused(MessageRefused.Reason.EMPTY, "the message is empty");
        }
        if (body.length() > settings.maxLength()) {
            throw refused(MessageRefused.Reason.TOO_LONG, "the message has more than " + settings.maxLength() + " characters");
        }
    }

    private void checkRate(Msisdn sender) {
        if (!limiters.tryAcquire(sender)) {
            throw refused(MessageRefused.Reason.RATE_LIMITED, "too many messages: at most " + settings.sendLimit() + " per " + settings.sendLimitPeriod());
        }
    }

    /**
     * How a message reaches {@code to}: a live client, else SMS if they take it, else stored for their next session,
     * unless their store is full (empty; refused outright when {@code single}).
     */
    private Optional<SendResult.Route> route(Msisdn to, boolean online, boolean smsFallback, boolean single, SendBatch batch) {
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
    private void countStored(List<Msisdn> recipients, SendBatch batch) {
        String[] unknown = recipients.stream().filter(r -> !batch.knowsStored(r)).map(Msisdn::value).distinct().toArray(String[]::new);
        if (unknown.length == 0) {
            return;
        }
        Map<String, Integer> counts = new HashMap<>();
        jdbc.sql("select recipient, count(*) from im.delivery where recipient = any(?) and status = 'PENDING' group by recipient")
                .param(unknown).query(rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                });
        for (String r : unknown) {
            batch.storedInDatabase(Msisdn.of(r), counts.getOrDefault(r, 0));
        }
    }

    /**
     * Stores the batch's messages with one delivery per routed recipient (one statement for all), submits the SMS
     * ones, and records each sender's charging event; all in the caller's transaction.
     */
    private void store(SendBatch batch) {
        List<SendBatch.NewMessage> messages = batch.messages;
        if (messages.isEmpty()) {
            return;
        }
        int m = messages.size();
        int d = messages.stream().mapToInt(x -> x.routed().size()).sum();
        UUID[] ids = new UUID[m];
        String[] senders = new String[m];
        String[] clientIds = new String[m];
        String[] kinds = new String[m];
        String[] targets = new String[m];
        String[] channels = new String[m];
        String[] bodies = new String[m];
        Boolean[] reports = new Boolean[m];
        Integer[] offsets = new Integer[m];
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
            for (int j = 0; j < msg.routed().size(); j++, k++) {
                SendBatch.Routed r = msg.routed().get(j);
                deliveryIds[k] = msg.deliveryIds().get(j);
                deliveryMessages[k] = msg.id();
                recipients[k] = r.recipient().value();
                aliases[k] = r.alias();
                sms[k] = r.route() == SendResult.Route.SMS;
            }
        }
        Instant now = batch.now;
        Instant expires = now.plus(settings.validity());
        // message i of the call is stamped now + i µs, so a recipient fetches a batch's messages in the order sent;
        // an SMS delivery is in flight at once, the others wait for a client's fetch
        jdbc.sql("""
                with m as (
                    insert into im.message (id, sender, client_message_id, target_kind, target, origin_channel, body,
                                            delivery_report, created_at, expires_at)
                    select x.id, x.sender, x.client_id, x.kind, x.target, x.channel, x.body, x.report,
                           ?::timestamptz + x.n * interval '1 microsecond', ?::timestamptz + x.n * interval '1 microsecond'
                    from unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::text[],
                                ?::boolean[], ?::int[]) as x(id, sender, client_id, kind, target, channel, body, report, n)
                    returning id, created_at, expires_at)
                insert into im.delivery (id, message_id, recipient, sender_alias, status, channel, attempts, claimed_at,
                                         updated_at, expires_at)
                select d.id, m.id, d.recipient, d.alias, case when d.sms then 'IN_FLIGHT' else 'PENDING' end,
                       case when d.sms then 'SMS' end, case when d.sms then 1 else 0 end, case when d.sms then m.created_at end,
                       m.created_at, m.expires_at
                from unnest(?::uuid[], ?::uuid[], ?::varchar[], ?::varchar[], ?::boolean[]) as d(id, message_id, recipient, alias, sms)
                join m on m.id = d.message_id""")
                .params(Timestamp.from(now), Timestamp.from(expires), ids, senders, clientIds, kinds, targets, channels, bodies,
                        reports, offsets, deliveryIds, deliveryMessages, recipients, aliases, sms)
                .update();
        for (SendBatch.NewMessage msg : messages) {
            SendRequest q = msg.request();
            Instant createdAt = msg.createdAt(now);
            for (int j = 0; j < msg.routed().size(); j++) {
                SendBatch.Routed r = msg.routed().get(j);
                if (r.route() == SendResult.Route.SMS) {
                    UUID deliveryId = msg.deliveryIds().get(j);
                    submitSms(deliveryId, new ClientDelivery(deliveryId, msg.id(), q.sender(), r.alias(), msg.room(), q.body(), createdAt),
                            r.sms(), createdAt.plus(settings.validity()));
                }
                counter("mobim.messages.routed", "route", r.route().name()).increment();
            }
            Channel channel = q.origin().channel();
            charging.dayOfUse(q.sender().value(), msg.senderPlan(), channel);
            charging.message(new ChargingRecorder.MessageLeg(legId(msg.id(), q.sender()), msg.id().toString(), q.sender().value(),
                    ChargedRole.ORIGINATOR, msg.senderPlan(), channel, false, nameOf(q.target()), null,
                    q.origin().smscReference(), q.origin().segments()));
            counter("mobim.messages.accepted", "channel", channel.name()).increment();
        }
    }

    /** Counters by name and tag value, looked up once: a registry lookup per message is measurable. */
    private Counter counter(String name, String tag, String value) {
        return counters.computeIfAbsent(name + '/' + value, k -> meters.counter(name, tag, value));
    }

    /**
     * Hands the messages waiting for a session's subscriber to that session, oldest first. They stay stored
     * until {@link #acknowledge}d; unacknowledged ones fall back to SMS after the acknowledgement timeout.
     */
    @Transactional
    public List<ClientDelivery> fetch(UUID sessionId, int max) {
        planForTablesAsTheyAre();
        return claim(List.of(new GroupCommit.Fetch(sessionId, max)), presence.touchAll(List.of(sessionId))).getFirst();
    }

    /**
     * The clients' fetches and acknowledgements of the moment in one transaction (see {@link GroupCommit}): each
     * session is checked once, one statement confirms every acknowledgement and one claims for every fetch.
     * Answered in order: a fetch with its deliveries (as {@link #fetch}), an acknowledgement with the ids it
     * confirmed (as {@link #acknowledge(UUID, Collection)}). A session that fetches twice gets its messages split
     * between the requests; a message confirmed twice counts for the first confirmation.
     */
    @Transactional
    public List<List<?>> serveAll(List<GroupCommit.ClientRequest> requests) {
        planForTablesAsTheyAre();
        Map<UUID, Msisdn> owners = presence.touchAll(requests.stream().map(GroupCommit.ClientRequest::session).toList());
        List<GroupCommit.Acknowledgement> acknowledgements = new ArrayList<>();
        List<GroupCommit.Fetch> fetches = new ArrayList<>();
        for (GroupCommit.ClientRequest q : requests) {
            switch (q) {
                case GroupCommit.Acknowledgement a -> acknowledgements.add(a);
                case GroupCommit.Fetch f -> fetches.add(f);
            }
        }
        // confirmations first: a client confirming some messages while fetching more gets the fetch's answer either way
        Iterator<List<UUID>> confirmed = confirm(acknowledgements, owners).iterator();
        Iterator<List<ClientDelivery>> claimed = claim(fetches, owners).iterator();
        List<List<?>> answers = new ArrayList<>(requests.size());
        for (GroupCommit.ClientRequest q : requests) {
            answers.add(q instanceof GroupCommit.Fetch ? claimed.next() : confirmed.next());
        }
        return answers;
    }

    /**
     * Has PostgreSQL plan this transaction's statements for the tables as they are now, not reuse a plan it made
     * earlier for a prepared statement. A reused (generic) plan is made once per connection and kept until the
     * tables are next analyzed: made while they were nearly empty (a new platform's first minute) or while nothing
     * waited, it scans the deliveries a lookup would find, and at full load an acknowledgement batch took 10 to 20
     * seconds, long enough for claims to time out to SMS. Planning anew costs little against a batch of messages;
     * the SMS channel's one-message transactions keep the default.
     */
    private void planForTablesAsTheyAre() {
        jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
    }

    /**
     * A claim hands a waiting delivery to a session without changing its status or any indexed column: the
     * delivery stays PENDING with {@code claimed_at} and {@code session_id} set, so PostgreSQL rewrites the row in
     * place (a HOT update, no index entries; {@code im.delivery} leaves room for it, V13). Only the acknowledgement
     * changes the status. The sweep finds claims not acknowledged in time among the deliveries waiting longer than
     * the timeout (a claim never changes {@code updated_at}, so a stale claim is an old PENDING row).
     */
    private List<List<ClientDelivery>> claim(List<GroupCommit.Fetch> fetches, Map<UUID, Msisdn> owners) {
        Map<UUID, Integer> wanted = new LinkedHashMap<>();
        for (GroupCommit.Fetch f : fetches) {
            if (owners.containsKey(f.session()) && f.max() > 0) {
                wanted.merge(f.session(), f.max(), Integer::sum);
            }
        }
        Map<UUID, List<ClientDelivery>> claimed = new HashMap<>();
        if (!wanted.isEmpty()) {
            UUID[] sessions = wanted.keySet().toArray(UUID[]::new);
            String[] recipients = new String[sessions.length];
            Integer[] limits = new Integer[sessions.length];
            for (int i = 0; i < sessions.length; i++) {
                recipients[i] = owners.get(sessions[i]).value();
                limits[i] = wanted.get(sessions[i]);
            }
            Timestamp now = Timestamp.from(clock.instant());
            // two sessions of one subscriber may pick the same deliveries: the update gives each to one of them. The rows
            // picked are locked, so each is updated where the pick found it (its ctid), without a second lookup by key
            jdbc.sql("""
                    with claimed as (
                        update im.delivery d set channel = 'CLIENT', session_id = p.session_id, claimed_at = ?,
                                                 attempts = d.attempts + 1
                        from (select r.session_id, o.ctid as delivery_row
                              from unnest(?::uuid[], ?::varchar[], ?::int[]) as r(session_id, recipient, max)
                              cross join lateral (select ctid from im.delivery
                                                  where recipient = r.recipient and status = 'PENDING' and claimed_at is null
                                                    and expires_at > ?
                                                  order by updated_at limit r.max for update skip locked) o) p
                        where d.ctid = p.delivery_row
                        returning d.id, d.message_id, d.sender_alias, d.session_id)
                    select c.session_id, c.id, c.message_id, c.sender_alias, m.sender, m.body, m.created_at, m.target_kind, m.target
                    from claimed c join im.message m on m.id = c.message_id order by m.created_at, c.id""")
                    .params(now, sessions, recipients, limits, now)
                    .query(rs -> {
                        claimed.computeIfAbsent(rs.getObject("session_id", UUID.class), k -> new ArrayList<>()).add(clientDelivery(rs));
                    });
        }
        List<List<ClientDelivery>> answers = new ArrayList<>(fetches.size());
        Map<UUID, Integer> handedOut = new HashMap<>();
        for (GroupCommit.Fetch f : fetches) {
            List<ClientDelivery> all = claimed.getOrDefault(f.session(), List.of());
            int from = handedOut.getOrDefault(f.session(), 0);
            int to = Math.min(all.size(), from + Math.max(0, f.max()));
            answers.add(List.copyOf(all.subList(from, to)));
            handedOut.put(f.session(), to);
        }
        return answers;
    }

    /**
     * The client of {@code sessionId} confirms it has message {@code messageId}: the delivery is done, the
     * recipient is charged, and a requested delivery report goes to the sender. Returns false if there was
     * nothing to confirm (already confirmed, or not this subscriber's).
     */
    @Transactional
    public boolean acknowledge(UUID sessionId, UUID messageId) {
        return !acknowledge(sessionId, List.of(messageId)).isEmpty();
    }

    /**
     * {@link #acknowledge} for several messages at once (one client request can confirm several): one statement
     * for all of them. Returns the ids that were confirmed now; the others had nothing to confirm.
     */
    @Transactional
    public List<UUID> acknowledge(UUID sessionId, Collection<UUID> messageIds) {
        planForTablesAsTheyAre();
        return confirm(List.of(new GroupCommit.Acknowledgement(sessionId, List.copyOf(messageIds))),
                presence.touchAll(List.of(sessionId))).getFirst();
    }

    private List<List<UUID>> confirm(List<GroupCommit.Acknowledgement> acknowledgements, Map<UUID, Msisdn> owners) {
        List<UUID> messages = new ArrayList<>();
        List<String> recipients = new ArrayList<>();
        for (GroupCommit.Acknowledgement a : acknowledgements) {
            Msisdn owner = owners.get(a.session());
            if (owner != null) {
                for (UUID id : a.messageIds()) {
                    messages.add(id);
                    recipients.add(owner.value());
                }
            }
        }
        Map<String, Done> done = new HashMap<>();
        if (!messages.isEmpty()) {
            // a delivery is the client's to confirm once a session of its recipient has claimed it (see claim). Each
            // confirmation finds its delivery by its message id and recipient alone, and its message by key ("limit 1"
            // keeps the lookups from being folded into joins); the state is checked on the row found. Told that the
            // delivery is PENDING, the planner would also weigh the partial indexes of waiting deliveries: when its
            // statistics were taken with few waiting (as they usually are) it scanned one of those whole, for each
            // confirmation in the batch, and under load a batch took seconds to minutes while the claims behind it timed
            // out. The row found is updated where it lies (its ctid: no second lookup by key; a row changed meanwhile by
            // another transaction, a sweep or another confirmation, is no longer PENDING and claimed there, and is left
            // alone), and each recipient's tariff plan is read once per batch, not once per message
            jdbc.sql("""
                    update im.delivery d set status = 'DELIVERED', channel = 'CLIENT', updated_at = ?
                    from (select x.ctid as delivery_row, o.sender, o.delivery_report, p.tariff_plan as recipient_plan
                          from unnest(?::uuid[], ?::varchar[]) as a(message_id, recipient)
                          cross join lateral (select ctid, message_id from im.delivery
                                              where message_id = a.message_id and recipient = a.recipient limit 1) x
                          cross join lateral (select sender, delivery_report from im.message
                                              where id = x.message_id limit 1) o
                          left join (select msisdn, tariff_plan from im.subscriber where msisdn = any(?::varchar[])) p
                                 on p.msisdn = a.recipient) m
                    where d.ctid = m.delivery_row and d.status = 'PENDING' and d.claimed_at is not null
                    returning d.id, d.message_id, d.recipient, m.sender, m.delivery_report, m.recipient_plan""")
                    .params(Timestamp.from(clock.instant()), messages.toArray(UUID[]::new), recipients.toArray(String[]::new),
                            new LinkedHashSet<>(recipients).toArray(String[]::new))
                    .query(rs -> {
                        Done d = done(rs);
                        done.put(d.recipient().value() + '/' + d.messageId(), d);
                    });
        }
        List<List<UUID>> answers = new ArrayList<>(acknowledgements.size());
        for (GroupCommit.Acknowledgement a : acknowledgements) {
            Msisdn owner = owners.get(a.session());
            List<UUID> confirmed = new ArrayList<>();
            if (owner != null) {
                for (UUID id : a.messageIds()) {
                    Done d = done.remove(owner.value() + '/' + id);
                    if (d != null) {
                        delivered(d, Channel.CLIENT, null, 0);
                        confirmed.add(id);
                    }
                }
            }
            answers.add(confirmed);
        }
        return answers;
    }

    /** The SMS gateway's outcome of a fallback SMS ({@code sms.dlr.v1}). Returns whether it changed a delivery. */
    @Transactional
    public boolean onSmsOutcome(SmsDlr dlr) {
        return onSmsOutcomes(List.of(dlr)) > 0;
    }

    /**
     * Whether an outcome from the SMS gateway can change a delivery: the final outcome (delivered, failed, rejected,
     * expired) of a message's SMS. ACCEPTED only says the SMS-C has it, and service SMS are not deliveries.
     */
    public static boolean changesDelivery(SmsDlr dlr) {
        return deliveryOf(dlr) != null && finalStatus(dlr) != null;
    }

    /**
     * A poll of the SMS gateway's outcomes ({@code sms.dlr.v1}), in the caller's transaction: one statement ends every
     * delivery they finish (the first final outcome of a delivery counts; a replayed one finds it finished). Returns how
     * many deliveries changed.
     */
    @Transactional
    public int onSmsOutcomes(List<SmsDlr> dlrs) {
        Map<UUID, SmsDlr> finals = new LinkedHashMap<>();
        for (SmsDlr dlr : dlrs) {
            UUID delivery = deliveryOf(dlr);
            if (delivery != null && finalStatus(dlr) != null) {
                finals.putIfAbsent(delivery, dlr);
            }
        }
        if (finals.isEmpty()) {
            return 0;
        }
        int n = finals.size();
        UUID[] ids = new UUID[n];
        String[] statuses = new String[n];
        String[] reasons = new String[n];
        int k = 0;
        for (Map.Entry<UUID, SmsDlr> e : finals.entrySet()) {
            ids[k] = e.getKey();
            statuses[k] = finalStatus(e.getValue()).name();
            reasons[k] = finalStatus(e.getValue()) == DeliveryStatus.DELIVERED ? null
                    : "SMS " + e.getValue().status() + " " + e.getValue().errorCode();
            k++;
        }
        List<Done> done = jdbc.sql("""
                update im.delivery d set status = x.status, updated_at = ?, failure_reason = x.reason
                from unnest(?::uuid[], ?::varchar[], ?::varchar[]) as x(id, status, reason), im.message m
                where d.id = x.id and m.id = d.message_id and d.status = 'IN_FLIGHT' and d.channel = 'SMS'
                returning""" + DONE_COLUMNS)
                .params(Timestamp.from(clock.instant()), ids, statuses, reasons)
                .query((rs, i) -> done(rs)).list();
        for (Done d : done) {
            SmsDlr dlr = finals.get(d.deliveryId());
            DeliveryStatus status = finalStatus(dlr);
            if (status == DeliveryStatus.DELIVERED) {
                List<String> smscIds = dlr.smscMessageIds() == null ? List.of() : dlr.smscMessageIds();
                delivered(d, Channel.SMS, smscIds.isEmpty() ? null : smscIds.getFirst(), Math.max(1, smscIds.size()));
            } else {
                report(d, status);
            }
        }
        return done.size();
    }

    /** The delivery a gateway outcome is about ({@code dlv-<delivery id>}), or null for a service SMS or another producer's. */
    private static UUID deliveryOf(SmsDlr dlr) {
        if (dlr.requestId() == null || !dlr.requestId().startsWith(SMS_REQUEST_PREFIX)) {
            return null;
        }
        try {
            return UUID.fromString(dlr.requestId().substring(SMS_REQUEST_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The delivery status a gateway outcome settles, or null while the SMS-C merely has the SMS (ACCEPTED). */
    private static DeliveryStatus finalStatus(SmsDlr dlr) {
        return switch (dlr.status()) {
            case DELIVERED -> DeliveryStatus.DELIVERED;
            case FAILED, REJECTED -> DeliveryStatus.FAILED;
            case EXPIRED -> DeliveryStatus.EXPIRED;
            default -> null;
        };
    }

    /**
     * Handles what time decides: client deliveries not acknowledged in time go to SMS (or back to the queue),
     * messages waiting for a recipient with no live client go to SMS, and expired ones are closed.
     * Safe to run on every instance at once. Returns how many deliveries changed.
     */
    @Transactional
    public int sweep() {
        Instant now = clock.instant();
        Timestamp cutoff = Timestamp.from(now.minus(settings.ackTimeout()));
        // claims not acknowledged in time: a claim leaves updated_at as it was, so they are among the old PENDING rows
        List<UUID> stale = new ArrayList<>(jdbc.sql("""
                select id from im.delivery
                where status = 'PENDING' and updated_at < ? and claimed_at < ?
                order by updated_at limit ? for update skip locked""")
                .params(cutoff, cutoff, SWEEP_BATCH).query(UUID.class).list());
        // waiting for a session that is gone: only recipients who take SMS can be helped now, so only they are
        // picked; messages stored for the others (until their next session or expiry) must not fill the batch. A
        // session's end (a logout, or its expiry found by the session sweeper) reroutes its subscriber's waiting
        // messages at once (onSessionClosed); this catches what that could not see (sent while the session was
        // ending, or between its expiry and the session sweeper), so it looks back GONE_SESSION_LOOKBACK only:
        // reading every stored message each time (all those kept for subscribers without SMS, up to their
        // validity) cost 0.6-0.8 s per sweep with 200,000 stored
        stale.addAll(jdbc.sql("""
                select d.id from im.delivery d join im.subscriber s on s.msisdn = d.recipient
                where d.status = 'PENDING' and d.updated_at < ? and d.updated_at >= ?
                  and s.status = 'ACTIVE' and s.sms_fallback and not s.sms_opted_out
                  and not exists (select 1 from im.client_session c where c.msisdn = d.recipient and c.expires_at > ?)
                  and (d.claimed_at is null or d.claimed_at < ?)
                order by d.updated_at limit ? for update of d skip locked""")
                .params(cutoff, Timestamp.from(cutoff.toInstant().minus(GONE_SESSION_LOOKBACK)), Timestamp.from(now),
                        cutoff, SWEEP_BATCH).query(UUID.class).list());
        int changed = 0;
        for (UUID id : new LinkedHashSet<>(stale)) { // a stale claim of an SMS taker is in both lists
            changed += reroute(id) ? 1 : 0;
        }
        int expired = expire("PENDING", now, now, "validity ran out", 2 * SWEEP_BATCH);
        // fallback SMS whose receipt never came, long after the SMS-C itself gave up on them: without this they
        // would stay IN_FLIGHT (the sender never told, the message never purged)
        int unanswered = expire("IN_FLIGHT", now, now.minus(settings.smsReceiptTimeout()), "no receipt from the SMS-C", SWEEP_BATCH);
        return changed + expired + unanswered;
    }

    /**
     * Up to {@code limit} deliveries in {@code status} whose validity ended by {@code dueBy} expire; their senders are
     * told. The status is written into the statement, not bound: only then can the planner use the partial index of
     * that status's expiries (V19, V20), in a plan it keeps as in one it makes anew.
     */
    private int expire(String status, Instant now, Instant dueBy, String reason, int limit) {
        if (!"PENDING".equals(status) && !"IN_FLIGHT".equals(status)) {
            throw new IllegalArgumentException("not an open delivery status: " + status);
        }
        List<Done> expired = jdbc.sql("""
                update im.delivery d set status = 'EXPIRED', updated_at = ?, failure_reason = ?
                from im.message m
                where m.id = d.message_id
                  and d.id in (select id from im.delivery where expires_at <= ? and status = '%s'
                             limit ? for update skip locked)
                returning""".formatted(status) + DONE_COLUMNS)
                .params(Timestamp.from(now), reason, Timestamp.from(dueBy), limit).query((rs, i) -> done(rs)).list();
        expired.forEach(d -> report(d, DeliveryStatus.EXPIRED));
        return expired.size();
    }

    /** A client session ended: what it fetched but did not acknowledge, and what was waiting for it, is rerouted at once. */
    @EventListener
    void onSessionClosed(ClientSessionClosed closed) {
        if (!presence.liveSessions(closed.msisdn()).isEmpty()) {
            return; // another session of the same subscriber is live: it will fetch them
        }
        List<UUID> open = jdbc.sql("""
                select id from im.delivery
                where recipient = ? and status = 'PENDING' for update skip locked""")
                .param(closed.msisdn().value()).query(UUID.class).list();
        open.forEach(this::reroute);
    }

    /** Each recipient's status of a message, for its sender and for operators. */
    @Transactional(readOnly = true)
    public List<SendResult.Recipient> outcomes(UUID messageId) {
        return jdbc.sql("select recipient, status, channel, failure_reason from im.delivery where message_id = ? order by recipient")
                .param(messageId)
                .query((rs, i) -> new SendResult.Recipient(Msisdn.of(rs.getString(1)), publicStatus(rs.getString(2)),
                        route(rs.getString(2), rs.getString(3)), rs.getString(4)))
                .list();
    }

    private boolean reroute(UUID deliveryId) {
        Optional<Stale> d = jdbc.sql("""
                select d.id, d.message_id, d.sender_alias, d.recipient, d.expires_at as delivery_expires_at,
                       m.sender, m.body, m.created_at, m.target_kind, m.target
                from im.delivery d join im.message m on m.id = d.message_id where d.id = ?""")
                .param(deliveryId).query((rs, i) -> new Stale(clientDelivery(rs), Msisdn.of(rs.getString("recipient")),
                        rs.getTimestamp("delivery_expires_at").toInstant())).optional();
        if (d.isEmpty()) {
            return false;
        }
        Optional<Subscriber> to = subscribers.findActive(d.get().recipient());
        Timestamp now = Timestamp.from(clock.instant());
        if (to.isPresent() && to.get().smsFallback()) {
            int n = jdbc.sql("""
                    update im.delivery set status = 'IN_FLIGHT', channel = 'SMS', session_id = null, claimed_at = ?,
                                           attempts = attempts + 1, updated_at = ?
                    where id = ? and status = 'PENDING'""")
                    .params(now, now, deliveryId).update();
            if (n > 0) {
                submitSms(deliveryId, d.get().message(), smsRecipient(to.get(), d.get().message().sender()), d.get().expiresAt());
                counter("mobim.messages.routed", "route", "SMS_FALLBACK").increment();
            }
            return n > 0;
        }
        // no SMS for them: back to the queue (in its old place) until a client session fetches it or it expires
        return jdbc.sql("""
                update im.delivery set channel = null, session_id = null, claimed_at = null
                where id = ? and status = 'PENDING' and claimed_at is not null""").param(deliveryId).update() > 0;
    }

    /** {@code to} as the SMS carrying a message from {@code sender} needs them (one lookup of the sender among their contacts). */
    private SmsRecipient smsRecipient(Subscriber to, Msisdn sender) {
        return new SmsRecipient(to.msisdn(), to.locale(), contacts.byNumber(to.msisdn(), sender).map(Contact::position).orElse(null));
    }

    private void submitSms(UUID deliveryId, ClientDelivery message, SmsRecipient recipient, Instant expires) {
        String text = smsRenderer.render(message, recipient);
        if (text.length() > SmsMt.MAX_TEXT_LENGTH) {
            text = text.substring(0, SmsMt.MAX_TEXT_LENGTH);
        }
        outbox.append(Topics.SMS_MT, recipient.msisdn().value(),
                SmsMt.of(SMS_REQUEST_PREFIX + deliveryId, settings.smsSender(), recipient.msisdn().value(), text, expires, true, "im.message"));
    }

    private void delivered(Done d, Channel channel, String smscReference, int segments) {
        Msisdn recipient = d.recipient();
        String sender = d.sender().value();
        charging.message(new ChargingRecorder.MessageLeg(legId(d.messageId(), recipient), d.messageId().toString(), recipient.value(),
                ChargedRole.RECIPIENT, d.recipientPlan(), channel, false, sender, null, smscReference, segments));
        counter("mobim.messages.delivered", "channel", channel.name()).increment();
        report(d, DeliveryStatus.DELIVERED);
    }

    private void report(Done d, DeliveryStatus status) {
        if (d.deliveryReport()) {
            events.publishEvent(new DeliveryReported(d.messageId(), d.sender(), d.recipient(),
                    subscribers.find(d.recipient()).map(Subscriber::nickname).orElse(d.recipient().masked()), status));
        }
    }

    private String aliasOf(Subscriber from, Subscriber to) {
        // the recipient sees the sender as they named them, or by the sender's own nickname
        return contacts.byNumber(to.msisdn(), from.msisdn()).map(Contact::nickname).orElse(from.nickname());
    }

    private static ClientDelivery clientDelivery(ResultSet rs) throws SQLException {
        String kind = rs.getString("target_kind");
        return new ClientDelivery(rs.getObject("id", UUID.class), rs.getObject("message_id", UUID.class),
                Msisdn.of(rs.getString("sender")), rs.getString("sender_alias"), "ROOM".equals(kind) ? rs.getString("target") : null,
                rs.getString("body"), rs.getTimestamp("created_at").toInstant());
    }

    /** Deliveries a sweep moves per query and transaction; the scheduler sweeps again while there were any. */
    private static final int SWEEP_BATCH = 500;
    /**
     * How far back past the acknowledgement timeout a sweep looks for messages left waiting for a session that is
     * gone: each sweep (every few seconds, on every instance) sees such a message for this long. One left over by
     * instances all down for longer waits for its recipient's next session or its expiry, as stored messages do.
     */
    static final Duration GONE_SESSION_LOOKBACK = Duration.ofHours(1);
    /** What the delivery updates return: the delivery and, joined in the same statement, its message's sender. */
    private static final String DONE_COLUMNS = " d.id, d.message_id, d.recipient, m.sender, m.delivery_report," // text blocks drop the space before it
            + " (select s.tariff_plan from im.subscriber s where s.msisdn = d.recipient) as recipient_plan";

    private static Done done(ResultSet rs) throws SQLException {
        return new Done(rs.getObject("id", UUID.class), rs.getObject("message_id", UUID.class), Msisdn.of(rs.getString("recipient")),
                Msisdn.of(rs.getString("sender")), rs.getBoolean("delivery_report"), rs.getString("recipient_plan"));
    }

    private static DeliveryStatus publicStatus(String status) {
        return switch (status) {
            case "DELIVERED" -> DeliveryStatus.DELIVERED;
            case "FAILED" -> DeliveryStatus.FAILED;
            case "EXPIRED" -> DeliveryStatus.EXPIRED;
            default -> DeliveryStatus.ACCEPTED;
        };
    }

    private static SendResult.Route route(String status, String channel) {
        if (channel == null) {
            return "PENDING".equals(status) ? SendResult.Route.STORED : SendResult.Route.NONE;
        }
        return "SMS".equals(channel) ? SendResult.Route.SMS : SendResult.Route.CLIENT;
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

    /** Charging event ids derive from the message and the party: the same leg always has the same id. */
    private static UUID legId(UUID messageId, Msisdn party) {
        return UUID.nameUUIDFromBytes((messageId + "/" + party.value()).getBytes(StandardCharsets.UTF_8));
    }

    private MessageRefused refused(MessageRefused.Reason reason, String message) {
        counter("mobim.messages.refused", "reason", reason.name()).increment();
        return new MessageRefused(reason, message);
    }

    /** Request id of a delivery sent by SMS: {@code dlv-<delivery id>} (matched again on sms.dlr.v1). */
    public static final String SMS_REQUEST_PREFIX = "dlv-";

    /** Client message id of a message that arrived as an SMS MO: {@code mo:<MO id>} (dedupes a replayed MO). */
    public static final String MO_CLIENT_ID_PREFIX = "mo:";

    private record Candidate(Subscriber subscriber, String alias) {
    }

    /** What the one-to-one read tells about one request (see {@link #planOneToOne}). */
    private record OneToOne(boolean senderActive, String senderNickname, String senderPlan, boolean recipientActive,
                            boolean smsFallback, boolean contactsOnly, String recipientLocale, String alias, Integer senderPosition,
                            boolean isContact, boolean blocked,
                            boolean online, UUID earlier) {
    }

    /** A delivery being rerouted: its message, its recipient, and when it expires. */
    private record Stale(ClientDelivery message, Msisdn recipient, Instant expiresAt) {
    }

    /** A delivery that reached its end, with its message's sender and the recipient's tariff plan (for the charge). */
    private record Done(UUID deliveryId, UUID messageId, Msisdn recipient, Msisdn sender, boolean deliveryReport, String recipientPlan) {
    }
}
