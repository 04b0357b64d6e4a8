package io.mobim.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.micrometer.core.instrument.MeterRegistry;
import io.mobim.events.Msisdn;
import io.mobim.platform.MobimIntegrationTest;
import io.mobim.platform.contacts.Contacts;
import io.mobim.platform.presence.Availability;
import io.mobim.platform.presence.PresenceChange;
import io.mobim.platform.presence.ClientSessions;
import io.mobim.platform.presence.PresenceService;
import io.mobim.platform.presence.PresenceView;
import io.mobim.platform.subscribers.SubscriberChanges;
import io.mobim.platform.subscribers.SubscriberNotFound;
import io.mobim.platform.subscribers.Subscribers;
import io.mobim.platform.support.TestNumbers;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Presence changes of many sessions committed together ({@link GroupCommit#changePresence}) behave as if each had
 * been made alone: a change for a subscriber who is not active fails alone, one subscriber's changes take effect in
 * the order made, their watchers' polls return the result, and a change the database refuses does not take the others
 * of its batch down with it.
 */
@MobimIntegrationTest
class PresenceGroupCommitTest {

    @Autowired Subscribers subscribers;
    @Autowired Contacts contacts;
    @Autowired PresenceService presence;
    @Autowired ClientSessions clientSessions;
    @Autowired GroupCommit batcher;
    @Autowired JdbcClient jdbc;
    @Autowired MeterRegistry meters;

    private Msisdn subscriber(String nick) {
        Msisdn m = TestNumbers.next();
        subscribers.register(m, nick, new SubscriberChanges(null, "secret1", "en", "VODAFONE_UK", null, null, null));
        return m;
    }

    /** A watcher of every one of {@code presentities}, accepted by each, with a session that has polled once. */
    private UUID watcherOf(List<Msisdn> presentities) {
        Msisdn watcher = subscriber("watcher");
        for (Msisdn p : presentities) {
            contacts.add(watcher, p, null, null);
            contacts.accept(p, watcher);
        }
        UUID session = clientSessions.openSession(watcher);
        presence.changesFor(session);
        return session;
    }

    @Test
    void changesOfManySubscribersShareTransactionsAndEachIsAnsweredAsIfMadeAlone() {
        List<Msisdn> presentities = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            presentities.add(subscriber("p" + i));
        }
        UUID watcher = watcherOf(presentities);
        Msisdn stranger = TestNumbers.next(); // not a subscriber
        double batchesBefore = meters.summary("mobim.messaging.group-commit.batch", "operation", "presence").count();

        List<CompletableFuture<Boolean>> futures = new ArrayList<>();
        for (Msisdn p : presentities) {
            futures.add(batcher.submitPresence(new PresenceChange(p, Availability.BUSY, true, "first")));
        }
        CompletableFuture<Boolean> strangers = batcher.submitPresence(new PresenceChange(stranger, Availability.AWAY, false, null));
        for (Msisdn p : presentities) {
            futures.add(batcher.submitPresence(new PresenceChange(p, null, true, "second")));
        }

        futures.forEach(f -> assertThat(f.join()).isTrue());
        assertThatExceptionOfType(CompletionException.class).isThrownBy(strangers::join)
                .withCauseInstanceOf(SubscriberNotFound.class);
        long batches = (long) (meters.summary("mobim.messaging.group-commit.batch", "operation", "presence").count() - batchesBefore);
        assertThat(batches).as("41 changes queued at once share transactions").isLessThan(41);
        List<PresenceView> seen = presence.changesFor(watcher);
        assertThat(seen).extracting(PresenceView::msisdn).containsExactlyInAnyOrderElementsOf(presentities);
        assertThat(seen).as("each subscriber's later change wins where it sets a value, the earlier one's stays elsewhere")
                .allSatisfy(v -> {
                    assertThat(v.statusText()).isEqualTo("second");
                    assertThat(v.availability()).isEqualTo(Availability.BUSY);
                });
        assertThat(presence.changesFor(watcher)).as("returned once").isEmpty();
    }

    @Test
    void aChangeTheDatabaseRefusesDoesNotFailTheOthersOfItsBatch() {
        Msisdn alice = subscriber("alice");
        Msisdn bob = subscriber("bob");
        Msisdn carol = subscriber("carol");
        UUID watcher = watcherOf(List.of(alice, bob, carol));
        // a fault only the database sees: a trigger refusing one status text, as a constraint or a full disk would
        jdbc.sql("""
                create or replace function im.test_refuse_poison_presence() returns trigger language plpgsql as $$
                begin
                    if new.status_text = 'poison' then raise exception 'poison refused by the database'; end if;
                    return new;
                end $$""").update();
        jdbc.sql("""
                create trigger test_refuse_poison_presence before insert or update on im.presence
                for each row execute function im.test_refuse_poison_presence()""").update();
        try {
            List<CompletableFuture<Boolean>> futures = List.of(
                    batcher.submitPresence(new PresenceChange(alice, null, true, "before")),
                    batcher.submitPresence(new PresenceChange(bob, null, true, "poison")),
                    batcher.submitPresence(new PresenceChange(carol, null, true, "after")));

            assertThat(futures.get(0).join()).isTrue();
            assertThatExceptionOfType(CompletionException.class).isThrownBy(() -> futures.get(1).join())
                    .withMessageContaining("poison refused by the database");
            assertThat(futures.get(2).join()).isTrue();
            assertThat(presence.changesFor(watcher)).extracting(PresenceView::msisdn, PresenceView::statusText)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(alice, "before"),
                            org.assertj.core.groups.Tuple.tuple(carol, "after"));
        } finally {
            jdbc.sql("drop trigger test_refuse_poison_presence on im.presence").update();
            jdbc.sql("drop function im.test_refuse_poison_presence()").update();
        }
        batcher.changePresence(new PresenceChange(bob, null, true, "poison"));
        assertThat(presence.view(bob, bob).orElseThrow().statusText()).as("the committer is still up").isEqualTo("poison");
    }
}
