package io.mobim.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.mobim.events.sms.SmsDlr;
import io.mobim.platform.MobimIntegrationTest;
import io.mobim.platform.presence.ClientSessions;
import io.mobim.platform.rooms.RoomKind;
import io.mobim.platform.rooms.Rooms;
import io.mobim.events.Msisdn;
import io.mobim.platform.subscribers.SubscriberChanges;
import io.mobim.platform.subscribers.Subscribers;
import io.mobim.platform.support.MutableClock;
import io.mobim.platform.support.TestNumbers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The retention purge on the real database: old finished messages go with all their deliveries, nothing with a
 * delivery still open goes, a backlog goes in bounded batches, instances purging at once share the work, and what
 * still refers to a purged message (a late SMS receipt, an acknowledgement, a resent client message id) finds
 * nothing and does no harm.
 *
 * <p>Most tests date their messages back a month and purge with an instance of their own (as a freshly started
 * instance would) up to a cutoff they choose: the messages of other tests are days old at most, and the
 * application's own purge (90 days) leaves a month-old message alone, so each test sees only its own. The last test
 * moves the shared clock 91 days on and uses the application's purge with its default settings.
 */
@MobimIntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MessageRetentionTest {

    @Autowired Subscribers subscribers;
    @Autowired ClientSessions clientSessions;
    @Autowired MessageSender sender;
    @Autowired ClientDeliveries clients;
    @Autowired SmsOutcomes smsOutcomes;
    @Autowired MessageRetention retention;
    @Autowired Rooms rooms;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;
    @Autowired MeterRegistry meters;
    @Autowired MutableClock clock;
    @Autowired DataSource dataSource;

    /** An instance of the purge as a newly started application instance has it. */
    private MessageRetention newInstance() {
        return newInstance(MessageRetention.BATCH, MessageRetention.BATCH_DELIVERIES, MessageRetention.BATCHES_PER_RUN);
    }

    private MessageRetention newInstance(int batchSize, int batchDeliveries, int batchesPerRun) {
        return new MessageRetention(jdbc, new TransactionTemplate(transactions), clock, Duration.ofDays(29), meters,
                batchSize, batchDeliveries, batchesPerRun);
    }

    private Msisdn subscriber(String nick, boolean smsFallback) {
        Msisdn m = TestNumbers.next();
        subscribers.register(m, nick, new SubscriberChanges(null, "secret1", "en", "VODAFONE_UK", null, smsFallback, null));
        return m;
    }

    /** {@code n} one-to-one messages, each delivered to and acknowledged by the recipient's client. */
    private List<UUID> deliveredMessages(int n) {
        Msisdn recipient = subscriber("reader", false);
        UUID session = clientSessions.openSession(recipient);
        List<SendRequest> requests = new ArrayList<>();
        Msisdn sender = null;
        for (int i = 0; i < n; i++) {
            if (i % 20 == 0) {
                sender = subscriber("writer" + i, true); // below the per-sender rate limit
            }
            requests.add(new SendRequest(sender, Target.subscriber(recipient), "message " + i, Origin.client(), null, false));
        }
        List<UUID> ids = this.sender.sendAll(requests).stream().map(o -> o.get().messageId()).toList();
        assertThat(clients.fetch(session, n)).hasSize(n);
        assertThat(clients.acknowledge(session, ids)).hasSize(n);
        return ids;
    }

    /** Dates messages back a month, one microsecond apart in the order given; returns when the first was sent. */
    private Instant sentAMonthAgo(List<UUID> ids) {
        Instant sentAt = clock.instant().minus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < ids.size(); i++) {
            jdbc.sql("update im.message set created_at = ? where id = ?")
                    .params(Timestamp.from(sentAt.plus(i, ChronoUnit.MICROS)), ids.get(i)).update();
        }
        return sentAt;
    }

    private int messagesStored(List<UUID> ids) {
        return jdbc.sql("select count(*) from im.message where id = any(?)").param(ids.toArray(UUID[]::new)).query(Integer.class).single();
    }

    private int deliveriesStored(List<UUID> messageIds) {
        return jdbc.sql("select count(*) from im.delivery where message_id = any(?)").param(messageIds.toArray(UUID[]::new))
                .query(Integer.class).single();
    }

    @Test
    @Order(1)
    void aMessageWithADeliveryStillOpenIsKeptWholeUntilTheLastOneIsFinished() {
        Msisdn alice = subscriber("alice", true);
        Msisdn bob = subscriber("bob", true);
        Msisdn carol = subscriber("carol", false); // no client, no SMS: her copy waits for her next session
        String room = "keep-" + Long.toHexString(System.nanoTime()).substring(6);
        rooms.create(room, "Retention", RoomKind.PUBLIC, null);
        rooms.join(alice, room, "Al");
        rooms.join(bob, room, "Bo");
        rooms.join(carol, room, "Ca");
        UUID bobSession = clientSessions.openSession(bob);
        UUID message = sender.send(alice, Target.room(room), "see you all", Origin.client(), null, false).messageId();
        assertThat(clients.fetch(bobSession, 10)).hasSize(1);
        assertThat(clients.acknowledge(bobSession, message)).isTrue();
        Instant sent = sentAMonthAgo(List.of(message));

        MessageRetention.Run run = newInstance().purgeOlderThan(sent.plusSeconds(1));
        assertThat(run.messages()).isZero();
        assertThat(run.kept()).isEqualTo(1);
        assertThat(messagesStored(List.of(message))).isEqualTo(1);
        assertThat(deliveriesStored(List.of(message))).as("bob's finished delivery stays with carol's open one").isEqualTo(2);
        assertThat(sender.outcomes(message)).extracting(SendResult.Recipient::status)
                .containsExactlyInAnyOrder(DeliveryStatus.DELIVERED, DeliveryStatus.ACCEPTED);

        UUID carolSession = clientSessions.openSession(carol);
        assertThat(clients.fetch(carolSession, 10)).hasSize(1);
        assertThat(clients.acknowledge(carolSession, message)).isTrue();
        // an instance passes a kept message once, when it starts: the next start purges it
        run = newInstance().purgeOlderThan(sent.plusSeconds(1));
        assertThat(run.messages()).isEqualTo(1);
        assertThat(run.deliveries()).isEqualTo(2);
        assertThat(messagesStored(List.of(message))).isZero();
        assertThat(deliveriesStored(List.of(message))).isZero();
        assertThat(sender.outcomes(message)).as("a purged message has no recipients left to report").isEmpty();
    }

    @Test
    @Order(2)
    void aMessageSentExactlyAtTheCutoffIsKept() {
        List<UUID> message = deliveredMessages(1);
        Instant sent = sentAMonthAgo(message);
        MessageRetention instance = newInstance();

        assertThat(instance.purgeOlderThan(sent).messages()).isZero();
        assertThat(messagesStored(message)).isEqualTo(1);
        assertThat(instance.purgeOlderThan(sent.plus(1, ChronoUnit.MICROS)).messages()).isEqualTo(1);
        assertThat(messagesStored(message)).isZero();
        assertThat(deliveriesStored(message)).isZero();
    }

    @Test
    @Order(3)
    void aBacklogGoesInBatchesAndARunStopsAtItsLimitForTheNextToGoOn() {
        List<UUID> backlog = deliveredMessages(7);
        Instant cutoff = sentAMonthAgo(backlog).plusSeconds(1);
        MessageRetention instance = newInstance(3, 100, 2);

        MessageRetention.Run first = instance.purgeOlderThan(cutoff);
        assertThat(first).isEqualTo(new MessageRetention.Run(6, 6, 0, 2, true));
        assertThat(messagesStored(backlog)).isEqualTo(1);
        assertThat(messagesStored(backlog.subList(6, 7))).as("the oldest went first").isEqualTo(1);

        assertThat(instance.purgeOlderThan(cutoff)).isEqualTo(new MessageRetention.Run(1, 1, 0, 1, false));
        assertThat(instance.purgeOlderThan(cutoff)).isEqualTo(new MessageRetention.Run(0, 0, 0, 1, false));
        assertThat(deliveriesStored(backlog)).isZero();
    }

    @Test
    @Order(4)
    void aBatchOfRoomMessagesStopsNearItsLimitOfDeliveries() {
        Msisdn writer = subscriber("writer", true);
        String room = "fan-" + Long.toHexString(System.nanoTime()).substring(6);
        rooms.create(room, "Retention", RoomKind.PUBLIC, null);
        rooms.join(writer, room, "Wr");
        List<UUID> sessions = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Msisdn reader = subscriber("reader" + i, false);
            rooms.join(reader, room, "Re" + i);
            sessions.add(clientSessions.openSession(reader));
        }
        List<UUID> sent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sent.add(sender.send(writer, Target.room(room), "round " + i, Origin.client(), null, false).messageId());
        }
        for (UUID session : sessions) {
            assertThat(clients.fetch(session, 10)).hasSize(3);
            assertThat(clients.acknowledge(session, sent)).hasSize(3);
        }
        Instant at = sentAMonthAgo(sent);
        MessageRetention instance = newInstance(10, 4, 1);

        // three deliveries each: the second message starts below 4, the third would start at 6
        assertThat(instance.purgeOlderThan(at.plusSeconds(1))).isEqualTo(new MessageRetention.Run(2, 6, 0, 1, true));
        assertThat(messagesStored(sent.subList(2, 3))).isEqualTo(1);
        assertThat(instance.purgeOlderThan(at.plusSeconds(1))).isEqualTo(new MessageRetention.Run(1, 3, 0, 1, false));
        assertThat(deliveriesStored(sent)).isZero();
    }

    @Test
    @Order(5)
    void twoInstancesPurgingAtOnceShareTheWorkAndLeaveNoDeliveryBehind() throws Exception {
        List<UUID> backlog = deliveredMessages(60);
        Instant cutoff = sentAMonthAgo(backlog).plusSeconds(1);
        MessageRetention one = newInstance(2, 100, 100);
        MessageRetention two = newInstance(2, 100, 100);
        MessageRetention.Run ranA;
        MessageRetention.Run ranB;

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2); // two at once (the common pool has one thread on two cores)
        try {
            Future<MessageRetention.Run> a = threads.submit(() -> {
                start.await();
                return one.purgeOlderThan(cutoff);
            });
            Future<MessageRetention.Run> b = threads.submit(() -> {
                start.await();
                return two.purgeOlderThan(cutoff);
            });
            start.countDown();
            ranA = a.get();
            ranB = b.get();
        } finally {
            threads.shutdown();
        }

        assertThat(ranA.messages() + ranB.messages()).as("each message deleted once").isEqualTo(60);
        assertThat(ranA.deliveries() + ranB.deliveries()).isEqualTo(60);
        assertThat(messagesStored(backlog)).isZero();
        assertThat(deliveriesStored(backlog)).isZero();
        assertThat(jdbc.sql("select count(*) from im.delivery d where not exists (select 1 from im.message m where m.id = d.message_id)")
                .query(Integer.class).single()).as("no delivery anywhere without its message").isZero();
    }

    @Test
    @Order(6)
    void theMessagesAnotherInstanceIsDeletingArePassedOverNotWaitedFor() throws Exception {
        List<UUID> backlog = deliveredMessages(10);
        Instant cutoff = sentAMonthAgo(backlog).plusSeconds(1);

        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            // another instance's batch holds the three oldest...
            try (PreparedStatement lock = other.prepareStatement("select id from im.message where id = any(?) for update")) {
                lock.setArray(1, other.createArrayOf("uuid", backlog.subList(0, 3).toArray()));
                lock.executeQuery().close();
            }
            assertThat(newInstance().purgeOlderThan(cutoff))
                    .isEqualTo(new MessageRetention.Run(7, 7, 3, 1, false));
            other.rollback(); // ...and fails
        }
        assertThat(messagesStored(backlog)).isEqualTo(3);
        assertThat(deliveriesStored(backlog)).isEqualTo(3);
        assertThat(newInstance().purgeOlderThan(cutoff).messages())
                .as("the next instance start").isEqualTo(3);
        assertThat(messagesStored(backlog)).isZero();
    }

    @Test
    @Order(7)
    void anSmsReceiptForAPurgedDeliveryIsIgnored() {
        Msisdn alice = subscriber("alice", true);
        Msisdn erin = subscriber("erin", true); // no client: the message goes as SMS
        SendResult sent = sender.send(alice, Target.subscriber(erin), "call me", Origin.client(), null, false);
        assertThat(sent.recipients().getFirst().route()).isEqualTo(SendResult.Route.SMS);
        String requestId = jdbc.sql("select 'dlv-' || id from im.delivery where message_id = ?").param(sent.messageId())
                .query(String.class).single();
        SmsDlr delivered = new SmsDlr(SmsDlr.SCHEMA_VERSION, requestId, erin.value(), SmsDlr.Status.DELIVERED, List.of("smsc-1"), null,
                Instant.now(), "im.message");
        smsOutcomes.onSmsOutcome(delivered); // unless the simulator's own receipt was first
        await().atMost(Duration.ofSeconds(30)).until(() -> sender.outcomes(sent.messageId()).getFirst().status() == DeliveryStatus.DELIVERED);
        Instant at = sentAMonthAgo(List.of(sent.messageId()));
        assertThat(newInstance().purgeOlderThan(at.plusSeconds(1)).messages())
                .isEqualTo(1);

        assertThat(smsOutcomes.onSmsOutcome(delivered)).as("a receipt repeated by the SMS-C").isFalse();
        assertThat(smsOutcomes.onSmsOutcome(new SmsDlr(SmsDlr.SCHEMA_VERSION, requestId, erin.value(), SmsDlr.Status.EXPIRED, List.of(),
                "027", Instant.now(), "im.message"))).isFalse();
        assertThat(messagesStored(List.of(sent.messageId()))).isZero();
        assertThat(deliveriesStored(List.of(sent.messageId()))).isZero();
    }

    /** Runs last: it moves the clock everyone shares 91 days on. */
    @Test
    @Order(100)
    void theApplicationPurgesFinishedMessagesOlderThanNinetyDaysAndNothingElse() {
        Msisdn alice = subscriber("alice", true);
        Msisdn bob = subscriber("bob", true);
        UUID bobSession = clientSessions.openSession(bob);
        SendResult old = sender.send(alice, Target.subscriber(bob), "long ago", Origin.client(), "c-1", false);
        assertThat(clients.fetch(bobSession, 10)).hasSize(1);
        assertThat(clients.acknowledge(bobSession, old.messageId())).isTrue();
        double purgedBefore = meters.counter("mobim.messaging.retention.purged", "table", "message").count();
        double deliveriesBefore = meters.counter("mobim.messaging.retention.purged", "table", "delivery").count();

        clock.advance(Duration.ofDays(91));
        bobSession = clientSessions.openSession(bob);
        SendResult recent = sender.send(alice, Target.subscriber(bob), "just now", Origin.client(), null, false);
        assertThat(clients.fetch(bobSession, 10)).hasSize(1);
        assertThat(clients.acknowledge(bobSession, recent.messageId())).isTrue();
        UUID session = bobSession;
        // the scheduler may be purging too, and a run passes over the rows another one holds
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            retention.purge();
            assertThat(messagesStored(List.of(old.messageId()))).isZero();
        });

        assertThat(deliveriesStored(List.of(old.messageId()))).isZero();
        assertThat(messagesStored(List.of(recent.messageId()))).isEqualTo(1);
        assertThat(deliveriesStored(List.of(recent.messageId()))).isEqualTo(1);
        assertThat(meters.counter("mobim.messaging.retention.purged", "table", "message").count()).isGreaterThanOrEqualTo(purgedBefore + 1);
        assertThat(meters.counter("mobim.messaging.retention.purged", "table", "delivery").count()).isGreaterThanOrEqualTo(deliveriesBefore + 1);
        assertThat(clients.acknowledge(session, old.messageId())).as("a late acknowledgement finds nothing").isFalse();
        SendResult resent = sender.send(alice, Target.subscriber(bob), "long ago", Origin.client(), "c-1", false);
        assertThat(resent.duplicate()).as("its client message id is forgotten with it: a resend is a new message").isFalse();
        assertThat(resent.messageId()).isNotEqualTo(old.messageId());
    }
}
