package io.mobim.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.micrometer.core.instrument.MeterRegistry;
import io.mobim.platform.MobimIntegrationTest;
import io.mobim.platform.blocking.BlockList;
import io.mobim.platform.presence.ClientSessions;
import io.mobim.platform.rooms.RoomKind;
import io.mobim.platform.rooms.Rooms;
import io.mobim.events.Msisdn;
import io.mobim.platform.subscribers.SubscriberChanges;
import io.mobim.platform.subscribers.Subscribers;
import io.mobim.platform.support.TestNumbers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sends committed together ({@link MessageSender#sendAll}, {@link GroupCommit}) behave exactly as if each had been
 * sent alone: refusals stay with their own request, client message ids dedupe inside a batch, the offline quota
 * counts the batch's own messages, a recipient reads them in the order sent, and one send that breaks the
 * database does not take the others down with it.
 */
@MobimIntegrationTest
class GroupCommitTest {

    @Autowired Subscribers subscribers;
    @Autowired ClientSessions clientSessions;
    @Autowired MessageSender sender;
    @Autowired ClientDeliveries clients;
    @Autowired GroupCommit batcher;
    @Autowired BlockList blocks;
    @Autowired Rooms rooms;
    @Autowired JdbcClient jdbc;
    @Autowired MeterRegistry meters;

    private Msisdn subscriber(String nick, boolean smsFallback) {
        Msisdn m = TestNumbers.next();
        subscribers.register(m, nick, new SubscriberChanges(null, "secret1", "en", "VODAFONE_UK", null, smsFallback, null));
        return m;
    }

    /** One request's answer from {@link ClientDeliveries#serveAll}: a fetch's deliveries, or an acknowledgement's ids. */
    @SuppressWarnings("unchecked")
    private static <T> List<T> answer(Object answer) {
        return answer instanceof HandedOut h ? (List<T>) h.deliveries() : (List<T>) answer;
    }

    private static SendRequest message(Msisdn from, Msisdn to, String body, String clientId) {
        return new SendRequest(from, Target.subscriber(to), body, Origin.client(), clientId, false);
    }

    @Test
    void eachRequestOfABatchIsDecidedAsIfSentAlone() {
        Msisdn alice = subscriber("alice", true);
        Msisdn bob = subscriber("bob", true);
        Msisdn mallory = subscriber("mallory", true);
        Msisdn stranger = TestNumbers.next(); // not a subscriber
        blocks.block(bob, mallory);
        String room = "gc-" + Long.toHexString(System.nanoTime()).substring(6);
        rooms.create(room, "Group commit", RoomKind.PUBLIC, null);
        rooms.join(alice, room, "Al");
        rooms.join(bob, room, "Bo");
        UUID bobSession = clientSessions.openSession(bob);

        List<SendOutcome> outcomes = sender.sendAll(List.of(
                message(alice, bob, "first", "c-1"),
                message(mallory, bob, "let me in", null),
                message(alice, stranger, "anyone there?", null),
                new SendRequest(alice, Target.room(room), "hello room", Origin.client(), null, false),
                message(alice, bob, "first, resent", "c-1"),
                message(alice, bob, "   ", null),
                message(alice, bob, "second", null)));

        assertThat(outcomes).hasSize(7);
        SendResult first = outcomes.get(0).get();
        assertThat(first.duplicate()).isFalse();
        assertThat(first.recipients()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(DeliveryStatus.ACCEPTED);
            assertThat(r.route()).isEqualTo(SendResult.Route.CLIENT);
        });
        assertThat(outcomes.get(1).refusal().reason()).isEqualTo(MessageRefused.Reason.NOT_ACCEPTED);
        assertThat(outcomes.get(2).refusal().reason()).isEqualTo(MessageRefused.Reason.RECIPIENT_UNKNOWN);
        assertThat(outcomes.get(3).get().recipients()).extracting(SendResult.Recipient::msisdn).containsExactly(bob);
        assertThat(outcomes.get(4).get().duplicate()).as("the same client message id in the same batch").isTrue();
        assertThat(outcomes.get(4).get().messageId()).isEqualTo(first.messageId());
        assertThat(outcomes.get(5).refusal().reason()).isEqualTo(MessageRefused.Reason.EMPTY);
        assertThatExceptionOfType(MessageRefused.class).isThrownBy(() -> outcomes.get(1).get());

        // bob reads what was accepted, in the order it was sent, once
        assertThat(clients.fetch(bobSession, 10)).extracting(ClientDelivery::body)
                .containsExactly("first", "hello room", "second");
        assertThat(jdbc.sql("select count(*) from im.message where sender = ?").param(mallory.value()).query(Long.class).single())
                .as("a blocked sender's message is never stored").isZero();
        assertThat(jdbc.sql("select count(*) from im.message where sender = ? and client_message_id = 'c-1'")
                .param(alice.value()).query(Long.class).single()).isEqualTo(1);
        // resending the client id later, alone, still finds the batch's message
        assertThat(sender.send(alice, Target.subscriber(bob), "first, again", Origin.client(), "c-1", false).messageId())
                .isEqualTo(first.messageId());
    }

    @Test
    void theOfflineQuotaCountsTheBatchsOwnMessages() {
        Msisdn offline = subscriber("nosms", false); // no SMS fallback, no session: messages wait in the store
        List<Msisdn> senders = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            senders.add(subscriber("s" + i, true));
        }
        List<SendRequest> requests = new ArrayList<>();
        for (int i = 0; i < 101; i++) { // the quota is 100 (default); each sender stays under its rate limit of 30
            requests.add(message(senders.get(i % 5), offline, "m" + i, null));
        }
        List<SendOutcome> outcomes = sender.sendAll(requests);

        assertThat(outcomes.subList(0, 100)).allSatisfy(o ->
                assertThat(o.get().recipients().getFirst().route()).isEqualTo(SendResult.Route.STORED));
        assertThat(outcomes.get(100).refusal().reason()).isEqualTo(MessageRefused.Reason.OFFLINE_QUOTA_FULL);
        assertThat(jdbc.sql("select count(*) from im.delivery where recipient = ? and status = 'PENDING'")
                .param(offline.value()).query(Long.class).single()).isEqualTo(100);
    }

    @Test
    void concurrentSendsAreCommittedTogetherAndEachIsDeliveredOnce() {
        List<Msisdn> senders = new ArrayList<>();
        List<Msisdn> recipients = new ArrayList<>();
        List<UUID> sessions = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            senders.add(subscriber("tx" + i, true));
            Msisdn r = subscriber("rx" + i, true);
            recipients.add(r);
            sessions.add(clientSessions.openSession(r));
        }
        double batchesBefore = meters.summary("mobim.messaging.group-commit.batch", "operation", "send").count();
        List<CompletableFuture<SendResult>> futures = new ArrayList<>();
        for (int i = 0; i < 400; i++) { // 20 per sender, under the rate limit
            futures.add(batcher.submit(message(senders.get(i % 20), recipients.get(i / 20), "hi " + i, null)));
        }
        List<UUID> ids = futures.stream().map(CompletableFuture::join).map(SendResult::messageId).toList();

        assertThat(ids).doesNotHaveDuplicates();
        long batches = (long) (meters.summary("mobim.messaging.group-commit.batch", "operation", "send").count() - batchesBefore);
        assertThat(batches).as("400 sends queued at once share transactions").isLessThan(400);
        // the 20 clients fetch and acknowledge at the same time: their requests, too, share transactions
        List<CompletableFuture<Integer>> clients = sessions.stream().map(s -> CompletableFuture.supplyAsync(() -> {
            List<ClientDelivery> got = batcher.fetch(s, 50);
            assertThat(got).hasSize(20);
            assertThat(batcher.fetch(s, 50)).as("claimed once").isEmpty();
            return batcher.acknowledge(s, got.stream().map(ClientDelivery::messageId).toList()).size();
        }, java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor())).toList();
        int fetched = clients.stream().mapToInt(CompletableFuture::join).sum();
        assertThat(fetched).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from im.delivery d join im.message m on m.id = d.message_id where m.sender = any(?) and d.status = 'DELIVERED'")
                .param(senders.stream().map(Msisdn::value).toArray(String[]::new)).query(Long.class).single()).isEqualTo(400);
    }

    @Test
    void aSendThatFailsInTheDatabaseDoesNotFailTheOthersOfItsBatch() {
        Msisdn alice = subscriber("alice", true);
        Msisdn bob = subscriber("bob", true);
        UUID bobSession = clientSessions.openSession(bob);
        // a fault only the database sees: a trigger refusing one body, as a constraint or a full disk would
        jdbc.sql("""
                create or replace function im.test_refuse_poison() returns trigger language plpgsql as $$
                begin
                    if new.body = 'poison' then raise exception 'poison refused by the database'; end if;
                    return new;
                end $$""").update();
        jdbc.sql("create trigger test_refuse_poison before insert on im.message for each row execute function im.test_refuse_poison()").update();
        try {
            double fallbacks = meters.counter("mobim.messaging.group-commit.fallbacks", "operation", "send").count();
            // submitted without waiting, so that they share a batch (alone, each is still answered correctly)
            List<CompletableFuture<SendResult>> futures = List.of(
                    batcher.submit(message(alice, bob, "before", null)),
                    batcher.submit(message(alice, bob, "poison", null)),
                    batcher.submit(message(alice, bob, "after", null)));

            assertThat(futures.get(0).join().recipients().getFirst().status()).isEqualTo(DeliveryStatus.ACCEPTED);
            assertThatExceptionOfType(CompletionException.class).isThrownBy(() -> futures.get(1).join())
                    .withMessageContaining("poison refused by the database");
            assertThat(futures.get(2).join().recipients().getFirst().status()).isEqualTo(DeliveryStatus.ACCEPTED);
            assertThat(clients.fetch(bobSession, 10)).extracting(ClientDelivery::body).containsExactlyInAnyOrder("before", "after");
            if (meters.counter("mobim.messaging.group-commit.fallbacks", "operation", "send").count() == fallbacks) {
                // the three went in separate batches (a busy committer): each was its own transaction anyway
                assertThat(jdbc.sql("select count(*) from im.message where sender = ?").param(alice.value()).query(Long.class).single())
                        .isEqualTo(2);
            }
        } finally {
            jdbc.sql("drop trigger test_refuse_poison on im.message").update();
            jdbc.sql("drop function im.test_refuse_poison()").update();
        }
        assertThat(batcher.send(message(alice, bob, "poison", null)).recipients()).as("the committers are still up").hasSize(1);
    }

    @Test
    void fetchesOfOneBatchNeverHandOutAMessageTwice() {
        Msisdn alice = subscriber("alice", true);
        Msisdn bob = subscriber("bob", true);
        UUID phone = clientSessions.openSession(bob);
        UUID laptop = clientSessions.openSession(bob);
        List<UUID> sent = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            sent.add(sender.send(alice, Target.subscriber(bob), "m" + i, Origin.client(), null, false).messageId());
        }
        // two sessions of one subscriber, one of them asking twice, in one transaction
        List<List<ClientDelivery>> got = clients.serveAll(List.of(
                new GroupCommit.Fetch(phone, 5), new GroupCommit.Fetch(laptop, 5), new GroupCommit.Fetch(phone, 5)))
                .stream().map(GroupCommitTest::<ClientDelivery>answer).toList();

        List<UUID> handedOut = got.stream().flatMap(List::stream).map(ClientDelivery::messageId).toList();
        assertThat(handedOut).doesNotHaveDuplicates().isSubsetOf(sent);
        assertThat(got).allSatisfy(one -> assertThat(one).hasSizeLessThanOrEqualTo(5));
        List<UUID> rest = clients.fetch(phone, 50).stream().map(ClientDelivery::messageId).toList();
        assertThat(rest).doesNotContainAnyElementsOf(handedOut);
        assertThat(handedOut.size() + rest.size()).as("every message handed out once").isEqualTo(12);

        // each session confirms what it got; a confirmation of another's message of the same subscriber counts once
        List<List<UUID>> confirmed = clients.serveAll(List.of(
                new GroupCommit.Acknowledgement(phone, handedOut), new GroupCommit.Acknowledgement(laptop, handedOut),
                new GroupCommit.Acknowledgement(phone, rest))).stream().map(GroupCommitTest::<UUID>answer).toList();
        assertThat(confirmed.get(0)).containsExactlyInAnyOrderElementsOf(handedOut);
        assertThat(confirmed.get(1)).isEmpty();
        assertThat(confirmed.get(2)).containsExactlyInAnyOrderElementsOf(rest);
    }

    @Test
    void aBatchOfClientRequestsAnswersEachAsIfItRanAlone() {
        Msisdn alice = subscriber("alice", true);
        Msisdn bob = subscriber("bob", true);
        Msisdn carol = subscriber("carol", true);
        UUID bobSession = clientSessions.openSession(bob);
        UUID carolSession = clientSessions.openSession(carol);
        UUID gone = UUID.randomUUID(); // a session that never was (or is over)
        List<UUID> toBob = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            toBob.add(sender.send(alice, Target.subscriber(bob), "b" + i, Origin.client(), null, false).messageId());
        }
        UUID toCarol = sender.send(alice, Target.subscriber(carol), "c", Origin.client(), null, false).messageId();
        List<UUID> bobHas = clients.fetch(bobSession, 2).stream().map(ClientDelivery::messageId).toList();

        // Bob confirms what he has and fetches the rest, Carol fetches, a dead session does both: one transaction
        List<Object> answers = clients.serveAll(List.of(
                new GroupCommit.Fetch(bobSession, 10),
                new GroupCommit.Acknowledgement(bobSession, bobHas),
                new GroupCommit.Fetch(carolSession, 10),
                new GroupCommit.Acknowledgement(gone, List.of(toCarol)),
                new GroupCommit.Fetch(gone, 10)));

        assertThat(answers).hasSize(5);
        assertThat(GroupCommitTest.<ClientDelivery>answer(answers.get(0))).extracting(ClientDelivery::messageId)
                .as("the three Bob had not fetched, in the order sent").containsExactlyElementsOf(toBob.subList(2, 5));
        assertThat(GroupCommitTest.<UUID>answer(answers.get(1))).containsExactlyInAnyOrderElementsOf(bobHas);
        assertThat(GroupCommitTest.<ClientDelivery>answer(answers.get(2))).extracting(ClientDelivery::messageId).containsExactly(toCarol);
        assertThat(GroupCommitTest.<UUID>answer(answers.get(3))).as("nothing is confirmed for a session that is over").isEmpty();
        assertThat(GroupCommitTest.<ClientDelivery>answer(answers.get(4))).isEmpty();
        assertThat(sender.outcomes(toBob.getFirst())).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(DeliveryStatus.DELIVERED));
        assertThat(sender.outcomes(toCarol)).singleElement()
                .as("handed to Carol's session, not confirmed by a stranger's").satisfies(r -> assertThat(r.status()).isEqualTo(DeliveryStatus.ACCEPTED));
    }

    @Test
    void aFetchTellsWhetherAnotherMessageStillWaits() {
        Msisdn alice = subscriber("alice", true);
        Map<String, UUID> sessions = new HashMap<>();
        for (String nick : List.of("bob", "carol")) {
            Msisdn m = subscriber(nick, true);
            sessions.put(nick, clientSessions.openSession(m));
            for (int i = 0; i < (nick.equals("bob") ? 3 : 1); i++) {
                sender.send(alice, Target.subscriber(m), nick.charAt(0) + "" + i, Origin.client(), null, false);
            }
        }
        UUID bobSession = sessions.get("bob");
        UUID carolSession = sessions.get("carol");

        // in one batch: Bob takes one of three and asks again for one, Carol takes her only one
        List<Object> answers = clients.serveAll(List.of(new GroupCommit.Fetch(bobSession, 1),
                new GroupCommit.Fetch(carolSession, 10), new GroupCommit.Fetch(bobSession, 1)));
        assertThat(answers).allSatisfy(a -> assertThat(((HandedOut) a).deliveries()).hasSize(1));
        assertThat(((HandedOut) answers.get(0)).more()).as("Bob's next is in his second fetch").isTrue();
        assertThat(((HandedOut) answers.get(1)).more()).as("nothing else waits for Carol").isFalse();
        assertThat(((HandedOut) answers.get(2)).more()).as("Bob's third still waits").isTrue();

        HandedOut last = batcher.handOut(bobSession, 1);
        assertThat(last.deliveries()).extracting(ClientDelivery::body).containsExactly("b2");
        assertThat(last.more()).as("that was Bob's last").isFalse();
        assertThat(batcher.handOut(bobSession, 1)).isEqualTo(new HandedOut(List.of(), false));
    }
}
