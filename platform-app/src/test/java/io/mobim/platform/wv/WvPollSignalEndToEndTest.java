package io.mobim.platform.wv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mobim.events.Msisdn;
import io.mobim.platform.MobimIntegrationTest;
import io.mobim.platform.messaging.DeliverySweeper;
import io.mobim.platform.messaging.MessageSender;
import io.mobim.platform.messaging.Origin;
import io.mobim.platform.messaging.SendRequest;
import io.mobim.platform.messaging.Target;
import io.mobim.platform.subscribers.SubscriberChanges;
import io.mobim.platform.support.StatementLog;
import io.mobim.platform.support.TestNumbers;
import io.mobim.platform.wv.session.WakeSignals;
import io.mobim.platform.wv.session.WvSession;
import io.mobim.wv.CspVersion;
import io.mobim.wv.handset.WvHandset;
import io.mobim.wv.model.NewMessage;
import io.mobim.wv.model.Transaction;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Polls answered from memory: an empty poll reads nothing, and whatever is queued for a subscriber, by this instance
 * or through the database by any other, is found on the poll after it. The signal survives the races a poll can meet.
 */
@MobimIntegrationTest
class WvPollSignalEndToEndTest extends WvTestBase {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired WakeSignals signals;
    @Autowired MessageSender sender;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;
    @Autowired DeliverySweeper sweeper;

    @Test
    void anEmptyPollSendsNoStatementAndAMessageSentHereArrivesOnTheNextPoll() {
        Msisdn alice = clients.subscriber("alice");
        Msisdn bob = clients.subscriber("bob");
        WvHandset aliceClient = clients.loggedIn(alice, CspVersion.V1_2, "xml");
        WvHandset bobClient = clients.loggedIn(bob, CspVersion.V1_2, "wbxml");
        await().atMost(WAIT).until(() -> signals.listening());
        drain(bobClient);

        List<StatementLog.Sent> sent = StatementLog.during(() -> assertThat(bobClient.poll()).isNull());
        assertThat(requestStatements(sent)).as("an empty poll reads nothing").isEmpty();

        assertThat(aliceClient.send("Hello Bob", "wv:" + bob.value() + "@mobim").result().code()).isEqualTo(200);
        Transaction[] next = new Transaction[1];
        List<StatementLog.Sent> reading = StatementLog.during(() -> next[0] = bobClient.poll());
        assertThat(requestStatements(reading)).as("a poll with something waiting reads it").isNotEmpty();
        Transaction got = next[0];
        assertThat(got).as("the very next poll").isNotNull();
        assertThat(got.primitive()).isInstanceOfSatisfying(NewMessage.class, m -> assertThat(m.contentData()).isEqualTo("Hello Bob"));
        bobClient.confirm(got);
        drain(bobClient);
        assertThat(requestStatements(StatementLog.during(() -> assertThat(bobClient.poll()).isNull()))).isEmpty();
    }

    @Test
    void aPollWokenByAMessageLooksAtTheMessagesAlone() {
        Msisdn frank = clients.subscriber("frank");
        Msisdn grace = clients.subscriber("grace");
        WvHandset frankClient = clients.loggedIn(frank, CspVersion.V1_2, "wbxml");
        WvHandset graceClient = clients.loggedIn(grace, CspVersion.V1_2, "xml");
        await().atMost(WAIT).until(() -> signals.listening());
        drain(graceClient);

        assertThat(frankClient.send("only this", "wv:" + grace.value() + "@mobim").result().code()).isEqualTo(200);
        Transaction[] got = new Transaction[1];
        List<String> read = requestStatements(StatementLog.during(() -> got[0] = graceClient.poll())).stream()
                .map(StatementLog.Sent::sql).toList();
        assertThat(got[0].primitive()).isInstanceOf(NewMessage.class);
        assertThat(read).as("the queues nothing was signalled for are not read")
                .noneMatch(sql -> sql.contains("client_delivery_report") || sql.contains("im.invitation")
                        || sql.contains("room_notice") || sql.contains("presence_authorization"));
        graceClient.confirm(got[0]);

        // the claim saw nothing more: the poll after it reads nothing, or (when the database's signal of the same
        // message came after that poll looked) the messages alone
        List<String> after = requestStatements(StatementLog.during(() -> assertThat(graceClient.poll()).isNull())).stream()
                .map(StatementLog.Sent::sql).toList();
        assertThat(after).allMatch(sql -> sql.contains("im.delivery") || sql.startsWith("set local"));
        assertThat(requestStatements(StatementLog.during(() -> assertThat(graceClient.poll()).isNull()))).isEmpty();
    }

    @Test
    void aPollThatHandsOutTheLastMessageLeavesTheNextPollToMemory() {
        Msisdn heidi = clients.subscriber("heidi");
        Msisdn ivan = clients.subscriber("ivan");
        WvHandset ivanClient = clients.loggedIn(ivan, CspVersion.V1_2, "wbxml");
        WvSession watching = new WvSession(UUID.randomUUID(), ivan, CspVersion.V1_2, null);
        await().atMost(WAIT).until(() -> signals.listening());
        drain(ivanClient);
        signals.nothingFound(signals.check(watching));

        // two messages in one transaction, as another instance sends them: one signal, through the database only
        sender.sendAll(List.of(new SendRequest(heidi, Target.subscriber(ivan), "first", Origin.client(), null, false),
                new SendRequest(heidi, Target.subscriber(ivan), "second", Origin.client(), null, false)));
        await().atMost(WAIT).until(() -> signals.check(watching) != null); // the signal has arrived

        Transaction first = ivanClient.poll();
        assertThat(first.primitive()).isInstanceOfSatisfying(NewMessage.class, m -> assertThat(m.contentData()).isEqualTo("first"));
        assertThat(first.poll()).as("another message waits").isTrue();
        ivanClient.confirm(first);
        Transaction[] second = new Transaction[1];
        assertThat(requestStatements(StatementLog.during(() -> second[0] = ivanClient.poll()))).as("the poll Poll=T asked for reads")
                .isNotEmpty();
        assertThat(second[0].primitive()).isInstanceOfSatisfying(NewMessage.class, m -> assertThat(m.contentData()).isEqualTo("second"));
        assertThat(Boolean.TRUE.equals(second[0].poll())).as("nothing more waits").isFalse();
        ivanClient.confirm(second[0]);
        assertThat(requestStatements(StatementLog.during(() -> assertThat(ivanClient.poll()).isNull())))
                .as("nothing was signalled since the claim that saw nothing more").isEmpty();

        sender.send(heidi, Target.subscriber(ivan), "third", Origin.client(), null, false);
        Transaction third = await().atMost(WAIT).until(ivanClient::poll, t -> t != null);
        assertThat(third.primitive()).isInstanceOfSatisfying(NewMessage.class, m -> assertThat(m.contentData()).isEqualTo("third"));
    }

    @Test
    void whatIsQueuedThroughTheDatabaseByAnyWriterWakesThePoll() {
        Msisdn carol = clients.subscriber("carol");
        Msisdn dave = clients.subscriber("dave");
        WvHandset daveClient = clients.loggedIn(dave, CspVersion.V1_1, "xml");
        await().atMost(WAIT).until(() -> signals.listening());
        drain(daveClient);
        assertThat(requestStatements(StatementLog.during(() -> assertThat(daveClient.poll()).isNull()))).isEmpty();

        // the core's own send, as an SMS command or another instance makes it: only the database's signal tells
        sender.send(carol, Target.subscriber(dave), "from the core", Origin.client(), null, false);
        Transaction got = await().atMost(WAIT).until(daveClient::poll, t -> t != null);
        assertThat(got.primitive()).isInstanceOfSatisfying(NewMessage.class, m -> assertThat(m.contentData()).isEqualTo("from the core"));
    }

    @Test
    void aClaimTheSweepTakesBackWakesThePollAgain() {
        Msisdn judy = clients.subscriber("judy");
        Msisdn ken = TestNumbers.next();
        subscribers.register(ken, "ken", new SubscriberChanges(null, WvClients.PASSWORD, "en", "VODAFONE_UK", null, false, null));
        WvHandset kenClient = clients.loggedIn(ken, CspVersion.V1_2, "wbxml");
        await().atMost(WAIT).until(() -> signals.listening());
        drain(kenClient);

        sender.send(judy, Target.subscriber(ken), "never confirmed", Origin.client(), null, false);
        Transaction handed = await().atMost(WAIT).until(kenClient::poll, t -> t != null);
        assertThat(handed.primitive()).isInstanceOf(NewMessage.class);
        // the handset never confirms it (the answer was lost); until something is signalled its polls read nothing
        await().atMost(WAIT).until(() -> requestStatements(StatementLog.during(() -> assertThat(kenClient.poll()).isNull())).isEmpty());

        // its acknowledgement timeout passes, and ken takes no SMS: a sweep (this one, or a scheduled one first) puts it
        // back in the queue, and that alone tells the poll to look
        jdbc.sql("update im.delivery set claimed_at = claimed_at - interval '1 day', updated_at = updated_at - interval '1 day'"
                + " where recipient = ?").param(ken.value()).update();
        sweeper.sweep();
        Transaction again = await().atMost(WAIT).until(kenClient::poll, t -> t != null);
        assertThat(again.primitive()).isInstanceOfSatisfying(NewMessage.class, m -> assertThat(m.contentData()).isEqualTo("never confirmed"));
    }

    @Test
    void aSignalRaisedWhileAPollLooksIsNotLost() {
        Msisdn erin = TestNumbers.next();
        WvSession polling = new WvSession(UUID.randomUUID(), erin, CspVersion.V1_2, null);
        WvSession other = new WvSession(UUID.randomUUID(), erin, CspVersion.V1_2, null);
        await().atMost(WAIT).until(() -> signals.listening());
        signals.nothingFound(signals.check(other));
        assertThat(signals.check(other)).as("nothing signalled: answered from memory").isNull();

        WakeSignals.Ticket looking = signals.check(polling);
        assertThat(looking).as("a session new here may have something waiting").isNotNull();
        jdbc.sql("select pg_notify('im_wake', ?)").param(erin.value()).query((rs, i) -> 1).list();
        await().atMost(WAIT).until(() -> signals.check(other) != null); // the signal has arrived
        signals.nothingFound(looking); // the poll's read began before the signal
        assertThat(signals.check(polling)).as("the next poll looks").isNotNull();
    }

    @Test
    void aFreshInstanceTreatsEverySessionAsMaybeWaiting() {
        WvSession session = new WvSession(UUID.randomUUID(), TestNumbers.next(), CspVersion.V1_2, null);
        WakeSignals fresh = new WakeSignals(dataSource, new SimpleMeterRegistry());
        assertThat(fresh.check(session)).as("not listening yet: every poll reads").isNotNull();
        fresh.start();
        try {
            await().atMost(WAIT).until(fresh::listening);
            WakeSignals.Ticket first = fresh.check(session);
            assertThat(first).as("a session this instance has not seen").isNotNull();
            fresh.nothingFound(first);
            assertThat(fresh.check(session)).isNull();
        } finally {
            fresh.stop();
        }
        assertThat(fresh.check(session)).as("no longer listening: every poll reads").isNotNull();
    }

    /**
     * The statements of the request itself (its HTTP thread, the group committers); not the background jobs'. The
     * session's keep-alive touch is written at most once per {@code mobim.presence.touch-interval}, not per poll.
     */
    private static List<StatementLog.Sent> requestStatements(List<StatementLog.Sent> sent) {
        return sent.stream().filter(s -> s.thread().startsWith("http-") || s.thread().contains("committer"))
                .filter(s -> !s.sql().contains("set last_active_at"))
                .toList();
    }
}
