package io.mobim.platform.wv;

import io.mobim.wv.handset.WvHandset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mobim.events.Msisdn;
import io.mobim.platform.MobimIntegrationTest;
import io.mobim.platform.support.StatementLog;
import io.mobim.platform.wv.session.WakeSignals;
import io.mobim.wv.CspVersion;
import io.mobim.wv.model.MessageNotification;
import io.mobim.wv.model.NewMessage;
import io.mobim.wv.model.Status;
import io.mobim.wv.model.Transaction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A session this instance serves is kept in memory: its requests read and write nothing of their own (the keep-alive is
 * written for all sessions at once, every {@code mobim.presence.touch-interval}), and what another instance does to it
 * (ends it, changes what it agreed) still reaches the client here.
 */
@MobimIntegrationTest
class WvSessionMemoryEndToEndTest extends WvTestBase {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired JdbcClient jdbc;
    @Autowired WakeSignals signals;

    @Test
    void aRequestWritesNoKeepAliveOfItsOwnAndTheSessionIsKeptAliveAllTheSame() {
        Msisdn bob = clients.subscriber("bob");
        WvHandset client = clients.loggedIn(bob, CspVersion.V1_2, "wbxml");
        await().atMost(WAIT).until(signals::listening);
        drain(client);
        Instant before = lastActive(bob);

        List<StatementLog.Sent> sent = StatementLog.during(() -> assertThat(client.poll()).isNull());
        assertThat(sent).filteredOn(s -> s.thread().startsWith("http-") || s.thread().contains("committer"))
                .as("the request itself reads and writes nothing").isEmpty();
        await().atMost(WAIT).until(() -> {
            client.poll();
            return lastActive(bob).isAfter(before);
        });
    }

    @Test
    void aSessionEndedThroughAnotherInstanceIsRefusedHereSoonAfter() {
        Msisdn carol = clients.subscriber("carol");
        WvHandset client = clients.loggedIn(carol, CspVersion.V1_1, "xml");
        drain(client);

        // another instance forced it out: what its newer login writes
        jdbc.sql("update im.wv_session set end_reason = 'FORCED_OUT' where msisdn = ? and end_reason is null").param(carol.value()).update();
        jdbc.sql("delete from im.client_session where msisdn = ?").param(carol.value()).update();

        Transaction refused = await().atMost(WAIT).until(client::poll,
                t -> t != null && t.primitive() instanceof Status s && s.result().code() == 601);
        assertThat(refused).isNotNull();
    }

    @Test
    void aDeliveryMethodChangedThroughAnotherInstanceIsHeldToFromItsSignalOn() {
        Msisdn alice = clients.subscriber("alice");
        Msisdn dave = clients.subscriber("dave");
        WvHandset aliceClient = clients.loggedIn(alice, CspVersion.V1_2, "xml");
        WvHandset daveClient = clients.loggedIn(dave, CspVersion.V1_2, "wbxml");
        await().atMost(WAIT).until(signals::listening);
        drain(daveClient);
        assertThat(aliceClient.send("pushed", "wv:" + dave.value() + "@mobim").result().code()).isEqualTo(200);
        Transaction pushed = await().atMost(WAIT).until(daveClient::poll, t -> t != null);
        assertThat(pushed.primitive()).as("push, as agreed at login").isInstanceOf(NewMessage.class);
        daveClient.confirm(pushed);

        // another instance agreed notify mode with the client: the row changes, the database tells every instance
        long version = signals.settingsVersion(dave);
        jdbc.sql("update im.wv_session set delivery_method = 'N' where msisdn = ? and ended_at is null").param(dave.value()).update();
        await().atMost(WAIT).until(() -> signals.settingsVersion(dave) != version);

        assertThat(aliceClient.send("notified", "wv:" + dave.value() + "@mobim").result().code()).isEqualTo(200);
        Transaction notified = await().atMost(WAIT).until(daveClient::poll, t -> t != null);
        assertThat(notified.primitive()).isInstanceOf(MessageNotification.class);
    }

    private Instant lastActive(Msisdn msisdn) {
        return jdbc.sql("select max(last_active_at) from im.client_session where msisdn = ?").param(msisdn.value())
                .query(java.sql.Timestamp.class).single().toInstant();
    }
}
