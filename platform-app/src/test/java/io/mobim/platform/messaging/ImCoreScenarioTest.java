package io.mobim.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import io.mobim.events.sms.SmsDlr;
import io.mobim.platform.MobimIntegrationTest;
import io.mobim.platform.blocking.BlockList;
import io.mobim.platform.contacts.Contact;
import io.mobim.platform.contacts.Contacts;
import io.mobim.platform.contacts.PendingRequest;
import io.mobim.platform.presence.Availability;
import io.mobim.platform.presence.ClientSessions;
import io.mobim.platform.presence.PresenceService;
import io.mobim.platform.presence.PresenceView;
import io.mobim.platform.rooms.RoomKind;
import io.mobim.platform.rooms.Rooms;
import io.mobim.events.Msisdn;
import io.mobim.platform.subscribers.SubscriberChanges;
import io.mobim.platform.subscribers.Subscribers;
import io.mobim.platform.support.MutableClock;
import io.mobim.platform.support.TestNumbers;
import io.mobim.smpp.simulator.SmscSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import io.mobim.platform.rooms.RoomChanged;
import io.mobim.platform.rooms.RoomRefused;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The IM core as subscribers live it, on the real database: buddy lists with authorisation, presence, messages
 * stored until acknowledged, SMS fallback, blocking, rooms.
 */
@MobimIntegrationTest
@RecordApplicationEvents
class ImCoreScenarioTest {

    @Autowired ApplicationEvents events;

    @Autowired Subscribers subscribers;
    @Autowired Contacts contacts;
    @Autowired PresenceService presence;
    @Autowired ClientSessions clientSessions;
    @Autowired MessageSender sender;
    @Autowired ClientDeliveries clients;
    @Autowired SmsOutcomes smsOutcomes;
    @Autowired DeliverySweeper sweeper;
    @Autowired BlockList blocks;
    @Autowired Rooms rooms;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired SmscSimulator smsc;

    private Msisdn subscriber(String nick, boolean smsFallback) {
        Msisdn m = TestNumbers.next();
        subscribers.register(m, nick, new SubscriberChanges(null, "secret1", "en", "VODAFONE_UK", null, smsFallback, null));
        return m;
    }

    /** As the scheduler does: sweep again while a sweep changed something. */
    private void sweepUntilDone() {
        while (sweeper.sweep() > 0) {
            // next batch
        }
    }

    private void friends(Msisdn a, Msisdn b) {
        contacts.add(a, b, null, null);
        contacts.add(b, a, null, null);
        assertThat(contacts.accept(b, a)).isTrue();
        assertThat(contacts.accept(a, b)).isTrue();
    }

    @Test
    void twoFriendsSeeEachOthersPresenceAndAStrangerSeesNothing() {
        Msisdn alice = subscriber("alice", true);
        Msisdn bob = subscriber("bob", true);
        Msisdn carol = subscriber("carol", true);

        Contact added = contacts.add(alice, bob, "Bobby", null);
        assertThat(added.position()).isEqualTo(1);
        List<PendingRequest> requests = contacts.pendingRequests(bob);
        assertThat(requests).extracting(PendingRequest::watcher).containsExactly(alice);
        assertThat(requests.getFirst().number()).isEqualTo(1);
        assertThat(presence.view(alice, bob)).as("nothing before bob accepts").isEmpty();

        contacts.accept(bob, alice);
        contacts.add(bob, alice, null, null);
        contacts.accept(alice, bob);
        contacts.add(carol, bob, null, null); // carol asks, bob never answers

        UUID aliceSession = clientSessions.openSession(alice);
        presence.changesFor(aliceSession); // the first poll reads everything
        presence.update(bob, Availability.BUSY, "in a meeting", null);

        List<PresenceView> seen = presence.changesFor(aliceSession);
        assertThat(seen).singleElement().satisfies(v -> {
            assertThat(v.msisdn()).isEqualTo(bob);
            assertThat(v.availability()).isEqualTo(Availability.BUSY);
            assertThat(v.statusText()).isEqualTo("in a meeting");
            assertThat(v.smsReachable()).isTrue();
        });
        assertThat(presence.changesFor(aliceSession)).as("nothing new since the last poll").isEmpty();
        assertThat(presence.view(bob, alice)).get().extracting(PresenceView::clientOnline).isEqualTo(true);

        assertThat(presence.view(carol, bob)).as("carol was not accepted").isEmpty();
        assertThat(presence.contactsOf(carol)).isEmpty();

        presence.update(bob, Availability.INVISIBLE, null, null);
        assertThat(presence.view(alice, bob)).get().satisfies(v -> {
            assertThat(v.availability()).isEqualTo(Availability.AWAY);
            assertThat(v.clientOnline()).isFalse();
        });
    }

    @Test
    void deletedContactsKeepTheOthersNumbersAndTheWatcherStopsWatching() {
        Msisdn owner = subscriber("owner", true);
        Msisdn one = subscriber("one", true);
        Msisdn two = subscriber("two", true);
        Msisdn three = subscriber("three", true);
        contacts.add(owner, one, null, null);
        contacts.add(owner, two, null, null);
        contacts.add(owner, three, null, null);
        contacts.accept(two, owner);

        assertThat(contacts.remove(owner, 2)).get().extracting(Contact::msisdn).isEqualTo(two);
        assertThat(contacts.byPosition(owner, 3)).get().extracting(Contact::msisdn).isEqualTo(three);
        assertThat(presence.view(owner, two)).isEmpty();
        assertThat(contacts.add(owner, subscriber("four", true), null, null).position()).as("the freed number is reused").isEqualTo(2);
    }

    @Test
    void aClientConfirmsSeveralMessagesAtOnceAndOnlyItsOwnCount() {
        Msisdn alice = subscriber("alice", true);
        Msisdn bob = subscriber("bob", true);
        Msisdn carol = subscriber("carol", true);
        friends(alice, bob);
        friends(alice, carol);
        UUID bobSession = clientSessions.openSession(bob);
        UUID carolSession = clientSessions.openSession(carol);
        List<UUID> toBob = List.of(
                sender.send(alice, Target.subscriber(bob), "one", Origin.client(), null, false).messageId(),
                sender.send(alice, Target.subscriber(bob), "two", Origin.client(), null, false).messageId());
        UUID toCarol = sender.send(alice, Target.subscriber(carol), "three", Origin.client(), null, false).messageId();
        assertThat(clients.fetch(bobSession, 10)).extracting(ClientDelivery::messageId).containsExactlyInAnyOrderElementsOf(toBob);
        assertThat(clients.fetch(carolSession, 10)).hasSize(1);
        UUID notFetched = sender.send(alice, Target.subscriber(bob), "four", Origin.client(), null, false).messageId();

        List<UUID> all = List.of(toBob.get(0), toBob.get(1), toCarol, notFetched);
        assertThat(clients.acknowledge(bobSession, all)).as("bob's fetched ones; not carol's, not one bob has not fetched")
                .containsExactlyInAnyOrderElementsOf(toBob);
        assertThat(clients.acknowledge(bobSession, all)).as("each is confirmed once").isEmpty();
        assertThat(sender.outcomes(toBob.get(1))).singleElement().extracting(SendResult.Recipient::status).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(sender.outcomes(toCarol)).singleElement().extracting(SendResult.Recipient::status).isEqualTo(DeliveryStatus.ACCEPTED);
        assertThat(clients.acknowledge(carolSession, toCarol)).isTrue();
    }

    @Test
    void friendsExchangeMessagesThroughTheirClients() {
        Msisdn alice = subscriber("alice", true);
        Msisdn bob = subscriber("bob", true);
        friends(alice, bob);
        UUID bobSession = clientSessions.openSession(bob);

        SendResult sent = sender.send(alice, Target.subscriber(bob), "Hello there", Origin.client(), "c-1", true);
        assertThat(sent.recipients()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(DeliveryStatus.ACCEPTED);
            assertThat(r.route()).isEqualTo(SendResult.Route.CLIENT);
        });
        assertThat(sender.send(alice, Target.subscriber(bob), "Hello there", Origin.client(), "c-1", true))
                .as("a resent client message id is the same message").satisfies(again -> {
                    assertThat(again.messageId()).isEqualTo(sent.messageId());
                    assertThat(again.duplicate()).isTrue();
                });

        List<ClientDelivery> inbox = clients.fetch(bobSession, 10);
        assertThat(inbox).singleElement().satisfies(d -> {
            assertThat(d.messageId()).isEqualTo(sent.messageId());
            assertThat(d.body()).isEqualTo("Hello there");
            assertThat(d.sender()).isEqualTo(alice);
            assertThat(d.senderAlias()).isEqualTo("alice");
        });
        assertThat(clients.acknowledge(bobSession, sent.messageId())).isTrue();
        assertThat(clients.acknowledge(bobSession, sent.messageId())).as("acknowledged once").isFalse();
        assertThat(events.stream(DeliveryReported.class).filter(r -> r.messageId().equals(sent.messageId())))
                .as("alice asked for a delivery report").singleElement().satisfies(r -> {
                    assertThat(r.sender()).isEqualTo(alice);
                    assertThat(r.recipient()).isEqualTo(bob);
                    assertThat(r.status()).isEqualTo(DeliveryStatus.DELIVERED);
                });
        assertThat(sender.outcomes(sent.messageId())).singleElement()
                .extracting(SendResult.Recipient::status).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(clients.fetch(bobSession, 10)).isEmpty();
    }

    @Test
    void aBlockedSenderIsRefusedAndNothingIsStored() {
        Msisdn bob = subscriber("bob", true);
        Msisdn mallory = subscriber("mallory", true);
        blocks.block(bob, mallory);

        assertThatExceptionOfType(MessageRefused.class)
                .isThrownBy(() -> sender.send(mallory, Target.subscriber(bob), "buy now", Origin.client(), null, false))
                .extracting(MessageRefused::reason).isEqualTo(MessageRefused.Reason.NOT_ACCEPTED);
        assertThat(jdbc.sql("select count(*) from im.message where sender = ?").param(mallory.value()).query(Integer.class).single())
                .isZero();
        contacts.add(mallory, bob, null, null);
        assertThat(contacts.pendingRequests(bob)).as("a blocked sender's authorisation request is dropped").isEmpty();
    }

    @Test
    void contactsOnlySubscribersRefuseStrangers() {
        Msisdn picky = subscriber("picky", true);
        Msisdn friend = subscriber("friend", true);
        Msisdn stranger = subscriber("stranger", true);
        subscribers.update(picky, new SubscriberChanges(null, null, null, null, null, null, true));
        contacts.add(picky, friend, null, null);

        assertThat(sender.send(friend, Target.subscriber(picky), "hi", Origin.client(), null, false).recipients()).hasSize(1);
        assertThatExceptionOfType(MessageRefused.class)
                .isThrownBy(() -> sender.send(stranger, Target.subscriber(picky), "hi", Origin.client(), null, false));
    }

    @Test
    void anOfflineRecipientWithoutSmsGetsTheMessageWhenTheyComeOnlineExactlyOnce() {
        Msisdn alice = subscriber("alice", true);
        Msisdn dave = subscriber("dave", false);

        SendResult sent = sender.send(alice, Target.subscriber(dave), "are you there?", Origin.client(), null, false);
        assertThat(sent.recipients().getFirst().route()).isEqualTo(SendResult.Route.STORED);
        assertThat(sweeper.sweep()).as("a stored message does not move while nobody can take it").isGreaterThanOrEqualTo(0);
        assertThat(sender.outcomes(sent.messageId()).getFirst().status()).isEqualTo(DeliveryStatus.ACCEPTED);

        UUID session = clientSessions.openSession(dave);
        List<ClientDelivery> first = clients.fetch(session, 10);
        assertThat(first).extracting(ClientDelivery::body).containsExactly("are you there?");
        assertThat(clients.fetch(session, 10)).as("fetched once").isEmpty();
        assertThat(clients.acknowledge(session, sent.messageId())).isTrue();
        assertThat(sender.outcomes(sent.messageId()).getFirst().status()).isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void anOfflineRecipientGetsAnSmsAndTheReceiptMarksItDeliveredOnce() {
        Msisdn alice = subscriber("alice", true);
        Msisdn erin = subscriber("erin", true);

        SendResult sent = sender.send(alice, Target.subscriber(erin), "call me", Origin.client(), null, false);
        assertThat(sent.recipients().getFirst().route()).isEqualTo(SendResult.Route.SMS);
        String requestId = jdbc.sql("select 'dlv-' || id from im.delivery where message_id = ?").param(sent.messageId())
                .query(String.class).single();

        SmsDlr receipt = new SmsDlr(SmsDlr.SCHEMA_VERSION, requestId, erin.value(), SmsDlr.Status.DELIVERED, List.of("smsc-77"), null,
                Instant.now(), "im.message");
        assertThat(smsOutcomes.onSmsOutcome(receipt)).isTrue();
        assertThat(smsOutcomes.onSmsOutcome(receipt)).as("a repeated receipt changes nothing").isFalse();
        assertThat(sender.outcomes(sent.messageId()).getFirst().status()).isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void aFallbackSmsWhoseReceiptNeverComesExpiresAfterItsValidityAndALateReceiptChangesNothing() {
        Msisdn alice = subscriber("alice", true);
        Msisdn ivan = subscriber("ivan", true);
        smsc.loseReceipts(ivan.value(), true); // the SMS-C delivers it but never says so
        SendResult sent = sender.send(alice, Target.subscriber(ivan), "anyone?", Origin.client(), null, true);
        assertThat(sent.recipients().getFirst().route()).isEqualTo(SendResult.Route.SMS);
        String requestId = jdbc.sql("select 'dlv-' || id from im.delivery where message_id = ?").param(sent.messageId())
                .query(String.class).single();

        clock.advance(Duration.ofDays(3)); // the validity: the SMS-C gives up now, and its receipt may still come
        sweepUntilDone();
        assertThat(sender.outcomes(sent.messageId()).getFirst().status()).as("waiting for the receipt").isEqualTo(DeliveryStatus.ACCEPTED);

        clock.advance(Duration.ofHours(1).plusSeconds(1)); // no receipt an hour later: it was lost
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            sweepUntilDone();
            assertThat(sender.outcomes(sent.messageId())).singleElement().satisfies(r -> {
                assertThat(r.status()).isEqualTo(DeliveryStatus.EXPIRED);
                assertThat(r.reason()).isEqualTo("no receipt from the SMS-C");
            });
        });
        SmsDlr late = new SmsDlr(SmsDlr.SCHEMA_VERSION, requestId, ivan.value(), SmsDlr.Status.DELIVERED, List.of("smsc-78"), null,
                Instant.now(), "im.message");
        assertThat(smsOutcomes.onSmsOutcome(late)).as("a receipt after the delivery was given up").isFalse();
        assertThat(sender.outcomes(sent.messageId()).getFirst().status()).isEqualTo(DeliveryStatus.EXPIRED);
    }

    @Test
    void aPhoneThatSilentlyDroppedOffLosesNothingTheMessageFallsBackToSms() {
        Msisdn alice = subscriber("alice", true);
        Msisdn frank = subscriber("frank", true);
        UUID session = clientSessions.openSession(frank);

        SendResult sent = sender.send(alice, Target.subscriber(frank), "ping", Origin.client(), null, false);
        assertThat(clients.fetch(session, 10)).hasSize(1); // handed to the phone, which then loses GPRS: no ack

        clock.advance(Duration.ofMinutes(2));
        sweeper.sweep();
        assertThat(sender.outcomes(sent.messageId())).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(DeliveryStatus.ACCEPTED);
            assertThat(r.route()).isEqualTo(SendResult.Route.SMS);
        });
        assertThat(jdbc.sql("select count(*) from im.delivery where message_id = ?").param(sent.messageId()).query(Integer.class).single())
                .as("still one delivery: rerouted, not copied").isEqualTo(1);
    }

    @Test
    void aMessageFetchedButNeverConfirmedByAPhoneWithoutSmsWaitsForTheNextFetchInItsPlace() {
        Msisdn alice = subscriber("alice", true);
        Msisdn gina = subscriber("gina", false);
        UUID lost = clientSessions.openSession(gina);
        SendResult first = sender.send(alice, Target.subscriber(gina), "first", Origin.client(), null, false);
        assertThat(clients.fetch(lost, 10)).hasSize(1); // the phone drops off GPRS before confirming
        clock.advance(Duration.ofSeconds(1));
        SendResult second = sender.send(alice, Target.subscriber(gina), "second", Origin.client(), null, false);

        clock.advance(Duration.ofMinutes(2));
        UUID again = clientSessions.openSession(gina);
        assertThat(clients.fetch(again, 10)).as("still claimed by the lost session until the sweep").extracting(ClientDelivery::body)
                .containsExactly("second");
        sweepUntilDone();
        assertThat(clients.acknowledge(lost, first.messageId())).as("the lost session's claim is over").isFalse();
        assertThat(clients.fetch(again, 10)).extracting(ClientDelivery::body).containsExactly("first");
        assertThat(clients.acknowledge(again, List.of(first.messageId(), second.messageId()))).hasSize(2);
        assertThat(sender.outcomes(first.messageId())).singleElement().extracting(SendResult.Recipient::status)
                .isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void aPhoneGoneBeforeFetchingGetsItsSmsEvenBehindAThousandMessagesStoredForOthers() {
        // 1,001 subscribers without SMS, each with a message stored for their next session: older than Hana's, more
        // than two sweeps (this one and the scheduler's) take at once, and nothing a sweep can do for them
        List<Msisdn> stored = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            Msisdn m = TestNumbers.next();
            subscribers.register(m, "nosms" + i, new SubscriberChanges(null, null, "en", "VODAFONE_UK", null, false, null));
            stored.add(m);
        }
        List<SendRequest> requests = new ArrayList<>();
        for (int i = 0; i < stored.size(); i++) {
            requests.add(new SendRequest(stored.get(i), Target.subscriber(stored.get((i + 1) % stored.size())), "later",
                    Origin.client(), null, false));
        }
        assertThat(sender.sendAll(requests)).allSatisfy(o -> assertThat(o.result().recipients().getFirst().route())
                .isEqualTo(SendResult.Route.STORED));
        clock.advance(Duration.ofMinutes(1));

        Msisdn alice = subscriber("alice", true);
        Msisdn hana = subscriber("hana", true);
        clientSessions.openSession(hana);
        SendResult sent = sender.send(alice, Target.subscriber(hana), "ping", Origin.client(), null, false);
        assertThat(sent.recipients().getFirst().route()).isEqualTo(SendResult.Route.CLIENT);

        clock.advance(Duration.ofMinutes(31)); // her phone lost GPRS before fetching: the session (30 min) ends unseen
        // the scheduler sweeps too, and a sweep skips the rows another one holds: sweep until it is done
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            sweepUntilDone();
            assertThat(sender.outcomes(sent.messageId())).singleElement()
                    .satisfies(r -> assertThat(r.route()).as("fell back to SMS").isEqualTo(SendResult.Route.SMS));
        });
    }

    @Test
    void offlineMessagesExpireAfterTheirValidity() {
        Msisdn alice = subscriber("alice", true);
        Msisdn gina = subscriber("gina", false);
        SendResult sent = sender.send(alice, Target.subscriber(gina), "too late", Origin.client(), null, false);

        clock.advance(Duration.ofDays(4));
        // other tests' stored messages expire too, more than one sweep takes
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            sweepUntilDone();
            assertThat(sender.outcomes(sent.messageId()).getFirst().status()).isEqualTo(DeliveryStatus.EXPIRED);
        });
    }

    @Test
    void aRoomOfThreeFansOutToTheOtherTwoUnderNicknames() {
        Msisdn a = subscriber("a", true);
        Msisdn b = subscriber("b", true);
        Msisdn c = subscriber("c", false);
        String room = "room-" + Long.toHexString(System.nanoTime()).substring(4);
        rooms.create(room, "Test room", RoomKind.PUBLIC, null);
        rooms.join(a, room, "Tiger");
        rooms.join(b, room, "Lion");
        rooms.join(c, room, "Bear");
        UUID bSession = clientSessions.openSession(b);

        SendResult sent = sender.send(a, Target.room(room), "roar", Origin.client(), null, false);
        assertThat(sent.recipients()).extracting(SendResult.Recipient::msisdn).containsExactlyInAnyOrder(b, c);
        assertThat(clients.fetch(bSession, 10)).singleElement().satisfies(d -> {
            assertThat(d.senderAlias()).isEqualTo("Tiger");
            assertThat(d.room()).isEqualTo(room);
        });
        UUID cSession = clientSessions.openSession(c);
        assertThat(clients.fetch(cSession, 10)).extracting(ClientDelivery::body).containsExactly("roar");
    }

    @Test
    void aMessageToAContactListReachesEveryMember() {
        Msisdn owner = subscriber("owner", true);
        Msisdn m1 = subscriber("m1", true);
        Msisdn m2 = subscriber("m2", false);
        Msisdn outsider = subscriber("outsider", true);
        contacts.add(owner, m1, null, "family");
        contacts.add(owner, m2, null, "family");
        contacts.add(owner, outsider, null, null);

        SendResult sent = sender.send(owner, Target.contactList("family"), "dinner at 8", Origin.client(), null, false);
        assertThat(sent.recipients()).extracting(SendResult.Recipient::msisdn).containsExactlyInAnyOrder(m1, m2);
        assertThat(contacts.listNames(owner)).containsExactly("default", "family");
    }

    @Test
    void aSubscriberWhoSendsTooFastIsSlowedDown() {
        Msisdn chatty = subscriber("chatty", true);
        Msisdn friend = subscriber("friend", true);
        int sent = 0;
        MessageRefused refusal = null;
        for (int i = 0; i < 40 && refusal == null; i++) {
            try {
                sender.send(chatty, Target.subscriber(friend), "msg " + i, Origin.client(), null, false);
                sent++;
            } catch (MessageRefused e) {
                refusal = e;
            }
        }
        assertThat(sent).as("the default limit is 30 a minute").isEqualTo(30);
        assertThat(refusal.reason()).isEqualTo(MessageRefused.Reason.RATE_LIMITED);
    }

    @Test
    void theOfflineStoreOfARecipientWithoutSmsIsBounded() {
        Msisdn away = subscriber("away", false);
        MessageRefused refusal = null;
        int stored = 0;
        for (int s = 0; s < 5 && refusal == null; s++) {
            Msisdn sender = subscriber("s" + s, true);
            for (int i = 0; i < 30 && refusal == null; i++) {
                try {
                    this.sender.send(sender, Target.subscriber(away), "hello " + i, Origin.client(), null, false);
                    stored++;
                } catch (MessageRefused e) {
                    refusal = e;
                }
            }
        }
        assertThat(stored).as("offline quota").isEqualTo(100);
        assertThat(refusal.reason()).isEqualTo(MessageRefused.Reason.OFFLINE_QUOTA_FULL);
    }

    @Test
    void privateGroupsBelongToTheirOwnerAndMembersHearOfChanges() {
        Msisdn owner = subscriber("boss", true);
        Msisdn member = subscriber("member", true);
        Msisdn stranger = subscriber("stranger", true);
        String group = "grp-" + Long.toHexString(System.nanoTime()).substring(5);
        rooms.create(group, "Team", RoomKind.PRIVATE, owner);

        assertThatExceptionOfType(RoomRefused.class).isThrownBy(() -> rooms.join(stranger, group, null))
                .extracting(RoomRefused::reason).isEqualTo(RoomRefused.Reason.PRIVATE);
        assertThatExceptionOfType(RoomRefused.class).isThrownBy(() -> rooms.addMember(member, group, stranger))
                .extracting(RoomRefused::reason).isEqualTo(RoomRefused.Reason.NOT_OWNER);
        rooms.addMember(owner, group, member);
        rooms.join(member, group, null); // on the member list, they may join
        assertThat(events.stream(RoomChanged.class).filter(e -> e.room().equals(group) && e.change() == RoomChanged.Change.JOINED
                && e.nickname().equals("member"))).singleElement().satisfies(e -> assertThat(e.others())
                .extracting(io.mobim.platform.rooms.RoomMember::msisdn).containsExactly(owner));

        SendResult sent = sender.send(member, Target.room(group), "hi boss", Origin.client(), null, false);
        assertThat(sent.recipients()).extracting(SendResult.Recipient::msisdn).containsExactly(owner);
        assertThat(rooms.leave(member, group)).isTrue();
        assertThat(events.stream(RoomChanged.class).filter(e -> e.room().equals(group) && e.change() == RoomChanged.Change.LEFT)).hasSize(1);
    }
}
