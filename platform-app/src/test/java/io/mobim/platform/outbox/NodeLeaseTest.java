package io.mobim.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mobim.platform.MobimIntegrationTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Node ids that survive restarts: instances lease them in {@code im.node_lease} (a database of their own here), a
 * restarted instance takes its own back, two live instances never share one, and a lease nobody renews is taken
 * over by the next instance, its old holder moving to another id.
 */
@MobimIntegrationTest
class NodeLeaseTest {

    private static final NodeLeaseSettings SETTINGS = new NodeLeaseSettings(Duration.ofSeconds(30), Duration.ofSeconds(10), null, null);

    @Autowired DataSource embedded;
    @TempDir Path dir;
    private ScratchImDatabase db;

    @BeforeEach
    void database() throws Exception {
        db = new ScratchImDatabase(embedded, "latest");
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Test
    void anInstanceKilledAndRestartedOnItsDataTakesItsOwnNodeIdBackAtOnce() {
        Path hint = dir.resolve("node-id");
        NodeLease first = lease(SETTINGS, Optional.of(hint), "laptop");
        NodeLease other = lease(SETTINGS, Optional.empty(), "laptop");
        assertThat(first.current()).isNotEqualTo(other.current());

        // killed: no release, its lease still looks alive; the restart finds it through the hint under its data
        NodeLease restarted = lease(SETTINGS, Optional.of(hint), "laptop");
        assertThat(restarted.current()).isEqualTo(first.current());
        assertThat(hint).content().contains("nodeId=" + first.current());
    }

    @Test
    void twoLiveInstancesNeverShareANodeId() {
        NodeLease owner = lease(SETTINGS, Optional.of(dir.resolve("node-id")), "laptop");
        NodeLease sameHost = lease(SETTINGS, Optional.of(dir.resolve("other-data/node-id")), "laptop");
        NodeLease elsewhere = lease(SETTINGS, Optional.empty(), "server");
        assertThat(java.util.Set.of(owner.current(), sameHost.current(), elsewhere.current())).hasSize(3);
    }

    @Test
    void aStoppedInstancesNodeIdGoesToTheNextOneThatStarts() {
        NodeLease old = lease(SETTINGS, Optional.empty(), "mobim-im-7d9c8-x2k9p");
        String id = old.current();
        old.release(); // a Deployment's pod stopped by a rolling update
        NodeLease replacement = lease(SETTINGS, Optional.empty(), "mobim-im-7d9c8-q4w7n");
        assertThat(replacement.current()).as("the ids do not grow with every restart").isEqualTo(id);
    }

    @Test
    void aStatefulSetPodTakesTheNodeOfItsOrdinalEvenBeforeItsOldLeaseExpires() {
        NodeLeaseSettings ordinal2 = new NodeLeaseSettings(Duration.ofSeconds(30), Duration.ofSeconds(10), 2, null);
        NodeLease before = lease(ordinal2, Optional.empty(), "mobim-im-2");
        assertThat(before.current()).isEqualTo("node-2");
        assertThat(lease(ordinal2, Optional.empty(), "mobim-im-2").current()).as("the same pod, restarted").isEqualTo("node-2");
        assertThat(lease(ordinal2, Optional.empty(), "elsewhere-2").current()).as("another host with a live holder").isNotEqualTo("node-2");
    }

    @Test
    void aLeaseNotRenewedInTimeIsTakenOverAndItsOldHolderMovesToAnotherNodeId() throws Exception {
        NodeLeaseSettings shortTtl = new NodeLeaseSettings(Duration.ofMillis(500), Duration.ofMillis(100), null, null);
        NodeLease stalled = lease(shortTtl, Optional.empty(), "host-a");
        String id = stalled.current();
        Thread.sleep(800); // cut off from the database for longer than the lease lives
        NodeLease newcomer = lease(shortTtl, Optional.empty(), "host-b");
        assertThat(newcomer.current()).isEqualTo(id);

        stalled.heartbeat();
        assertThat(stalled.current()).as("it finds its lease taken and leases another").isNotEqualTo(id);
        newcomer.heartbeat();
        assertThat(newcomer.current()).isEqualTo(id);
    }

    private NodeLease lease(NodeLeaseSettings settings, Optional<Path> hint, String host) {
        NodeLease lease = new NodeLease(JdbcClient.create(db.dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(db.dataSource)), settings, hint, host, new SimpleMeterRegistry());
        lease.acquire();
        return lease;
    }
}
