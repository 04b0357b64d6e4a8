package io.mobim.platform.presence;

import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.platform.MobimIntegrationTest;
import io.mobim.platform.blocking.BlockList;
import io.mobim.platform.contacts.Contacts;
import io.mobim.events.Msisdn;
import io.mobim.platform.subscribers.SubscriberChanges;
import io.mobim.platform.subscribers.Subscribers;
import io.mobim.platform.support.TestNumbers;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Presence changes reach a watcher's session on its polls: only what changed since its last poll, in the latest
 * state, only from contacts who accepted it, and never missed when changes commit in another order than they began.
 */
@MobimIntegrationTest
class PresenceChangesTest {

    @Autowired Subscribers subscribers;
    @Autowired Contacts contacts;
    @Autowired PresenceService presence;
    @Autowired ClientSessions clientSessions;
    @Autowired BlockList blocks;
    @Autowired PlatformTransactionManager txManager;

    private Msisdn subscriber(String nick) {
        Msisdn m = TestNumbers.next();
        subscribers.register(m, nick, new SubscriberChanges(null, "secret1", "en", "VODAFONE_UK", null, true, null));
        return m;
    }

    /** {@code watcher} has {@code presentity} as a contact, and {@code presentity} accepted. */
    private void watches(Msisdn watcher, Msisdn presentity) {
        contacts.add(watcher, presentity, null, null);
        assertThat(contacts.accept(presentity, watcher)).isTrue();
    }

    /** A session of {@code watcher}, who watches each of {@code presentities} (accepted). */
    private UUID sessionWatching(Msisdn watcher, Msisdn... presentities) {
        for (Msisdn p : presentities) {
            watches(watcher, p);
        }
        return clientSessions.openSession(watcher);
    }

    private static List<String> statusTexts(List<PresenceView> views) {
        return views.stream().map(v -> v.msisdn().value() + "=" + v.availability() + "/" + v.statusText()).toList();
    }

    @Test
    void aWatcherSeesAContactOnTheFirstPollAfterTheContactAcceptsWithoutWaitingForItsNextChange() {
        Msisdn watcher = subscriber("watcher");
        Msisdn bob = subscriber("bob");
        Msisdn carol = subscriber("carol");
        UUID session = sessionWatching(watcher, bob);
        presence.update(carol, Availability.BUSY, "in a meeting", null);
        assertThat(presence.changesFor(session)).extracting(PresenceView::msisdn).containsExactly(bob);

        contacts.add(watcher, carol, null, null);
        assertThat(presence.changesFor(session)).as("asked, not yet accepted: nothing").isEmpty();
        assertThat(contacts.accept(carol, watcher)).isTrue();
        assertThat(statusTexts(presence.changesFor(session))).as("accepted: carol's current state, at once")
                .containsExactly(carol.value() + "=BUSY/in a meeting");
        assertThat(presence.changesFor(session)).isEmpty();
    }

    @Test
    void anUnblockedWatcherSeesThePresentityAgainOnTheirNextPoll() {
        Msisdn watcher = subscriber("watcher");
        Msisdn erin = subscriber("erin");
        Msisdn frank = subscriber("frank");
        UUID session = sessionWatching(watcher, erin, frank);
        assertThat(presence.changesFor(session)).extracting(PresenceView::msisdn).containsExactly(erin, frank);
        presence.update(erin, Availability.AWAY, "gone fishing", null);
        blocks.block(erin, watcher);
        presence.update(frank, Availability.BUSY, null, null);
        assertThat(presence.changesFor(session)).as("blocked: nothing of erin, after her last change")
                .extracting(PresenceView::msisdn).containsExactly(frank);

        assertThat(blocks.unblock(erin, watcher)).isTrue();
        assertThat(statusTexts(presence.changesFor(session))).as("unblocked: erin's current state, at once")
                .containsExactly(erin.value() + "=AWAY/gone fishing");
    }

    @Test
    void aPollReturnsOnlyWhatChangedSinceTheLastOneInItsLatestState() {
        Msisdn watcher = subscriber("watcher");
        Msisdn bob = subscriber("bob");
        Msisdn dave = subscriber("dave");
        UUID session = sessionWatching(watcher, bob, dave);
        assertThat(presence.changesFor(session)).as("the first poll reads every visible contact")
                .extracting(PresenceView::msisdn).containsExactly(bob, dave);
        assertThat(presence.changesFor(session)).as("then nothing until something changes").isEmpty();

        presence.update(bob, Availability.BUSY, "one", null);
        presence.update(bob, Availability.AWAY, "two", null);
        presence.update(bob, Availability.AVAILABLE, "three", null);
        assertThat(statusTexts(presence.changesFor(session))).as("flapping coalesces: one entry, the latest state")
                .containsExactly(bob.value() + "=AVAILABLE/three");
        assertThat(presence.changesFor(session)).isEmpty();

        UUID daveSession = clientSessions.openSession(dave);
        assertThat(presence.changesFor(session)).as("a contact's client coming online is a change")
                .singleElement().satisfies(v -> {
                    assertThat(v.msisdn()).isEqualTo(dave);
                    assertThat(v.clientOnline()).isTrue();
                });
        clientSessions.closeSession(daveSession);
        assertThat(presence.changesFor(session)).as("and going offline").singleElement().satisfies(v -> {
            assertThat(v.msisdn()).isEqualTo(dave);
            assertThat(v.clientOnline()).isFalse();
            assertThat(v.lastSeen()).isNotNull();
        });
    }

    @Test
    void aStrangerAPendingWatcherAndABlockedWatcherSeeNothing() {
        Msisdn bob = subscriber("bob");
        Msisdn friend = subscriber("friend");
        Msisdn stranger = subscriber("stranger");
        Msisdn pending = subscriber("pending");
        Msisdn blocked = subscriber("blocked");
        watches(friend, bob);
        watches(blocked, bob);
        contacts.add(pending, bob, null, null); // bob never answers
        blocks.block(bob, blocked);
        UUID friendSession = clientSessions.openSession(friend);
        UUID strangerSession = clientSessions.openSession(stranger);
        UUID pendingSession = clientSessions.openSession(pending);
        UUID blockedSession = clientSessions.openSession(blocked);
        List.of(friendSession, strangerSession, pendingSession, blockedSession).forEach(presence::changesFor);

        presence.update(bob, Availability.BUSY, "secret meeting", "the office");

        assertThat(presence.changesFor(friendSession)).extracting(PresenceView::statusText).containsExactly("secret meeting");
        assertThat(presence.changesFor(strangerSession)).as("not a contact").isEmpty();
        assertThat(presence.changesFor(pendingSession)).as("not accepted").isEmpty();
        assertThat(presence.changesFor(blockedSession)).as("blocked").isEmpty();
        assertThat(presence.view(stranger, bob)).isEmpty();
        assertThat(presence.view(blocked, bob)).isEmpty();

        presence.update(bob, Availability.INVISIBLE, null, null);
        assertThat(presence.changesFor(friendSession)).singleElement().satisfies(v -> {
            assertThat(v.availability()).as("invisible shows offline").isEqualTo(Availability.AWAY);
            assertThat(v.clientOnline()).isFalse();
        });
        UUID bobSession = clientSessions.openSession(bob);
        clientSessions.closeSession(bobSession);
        assertThat(presence.changesFor(friendSession)).as("an invisible subscriber's client coming and going shows nothing").isEmpty();
    }

    /**
     * Two updates that commit in the other order than their transactions began: the watcher polls between the two
     * commits, and sees the earlier-begun change on its next poll. A sequence-number "read everything above the
     * highest stamp seen" design misses it.
     */
    @Test
    void aChangeCommittedAfterAPollButBegunBeforeANewerOneIsNotMissed() throws Exception {
        Msisdn watcher = subscriber("watcher");
        Msisdn early = subscriber("early");
        Msisdn late = subscriber("late");
        UUID session = sessionWatching(watcher, early, late);
        presence.changesFor(session);

        TransactionTemplate tx = new TransactionTemplate(txManager);
        CountDownLatch earlyWritten = new CountDownLatch(1);
        CountDownLatch mayCommit = new CountDownLatch(1);
        CompletableFuture<Void> earlyUpdate = CompletableFuture.runAsync(() -> tx.executeWithoutResult(status -> {
            presence.update(early, Availability.BUSY, "begun first, committed last", null);
            earlyWritten.countDown();
            try {
                assertThat(mayCommit.await(30, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }));
        assertThat(earlyWritten.await(30, TimeUnit.SECONDS)).isTrue();
        presence.update(late, Availability.AWAY, "begun last, committed first", null);

        assertThat(statusTexts(presence.changesFor(session))).as("the committed change; the other is still in flight")
                .containsExactly(late.value() + "=AWAY/begun last, committed first");

        mayCommit.countDown();
        earlyUpdate.get(30, TimeUnit.SECONDS);
        assertThat(statusTexts(presence.changesFor(session))).as("the change that committed after the poll is not missed")
                .containsExactly(early.value() + "=BUSY/begun first, committed last");
        assertThat(presence.changesFor(session)).isEmpty();
    }
}
