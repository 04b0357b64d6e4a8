package io.mobim.platform.outbox;

import io.mobim.events.EventJson;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records for Kafka, written in the caller's database transaction: the record exists exactly when the fact
 * it reports was committed. {@link OutboxRelay} publishes them in order and deletes them once Kafka has them,
 * so nothing is lost while Kafka is down; a crash between publish and delete republishes the same record,
 * which consumers drop by its event id.
 *
 * <p>The records of one transaction are collected and inserted just before it commits as one row of
 * {@code im.outbox_transaction}, in arrays in the order appended (one round trip and one row however many there
 * are); an insert that fails there rolls the whole transaction back.
 */
public class Outbox {

    /** The arrays hold the records in the order appended: the relay publishes them in that order. */
    private static final String INSERT = """
            insert into im.outbox_transaction (topics, record_keys, payloads, stamp_sequence, created_at)
            values (?::varchar[], ?::varchar[], ?::bytea[], ?::boolean[], ?)""";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Runnable committed;

    /** {@code committed} runs after each commit of a transaction that wrote records (it wakes the relay). */
    Outbox(JdbcTemplate jdbc, Clock clock, Runnable committed) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.committed = committed;
    }

    /** Appends an event to publish on {@code topic} under {@code key}. Must run inside a transaction. */
    public void append(String topic, String key, Object event) {
        batch().add(new Entry(topic, key, EventJson.mapper().writeValueAsBytes(event), false));
    }

    /**
     * Appends an event, already JSON, whose {@code nodeId} and {@code sequence} fields are left out and filled in by
     * the relay: the node that publishes it numbers it, without gaps (charging events, for the billing team's gap
     * detection). Must run inside a transaction.
     */
    public void appendSequenced(String topic, String key, byte[] eventWithoutOrigin) {
        batch().add(new Entry(topic, key, eventWithoutOrigin, true));
    }

    /** Throws unless a transaction (with synchronization, as Spring's transaction managers run them) is active. */
    public static void requireTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive() || !TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalTransactionStateException("outbox records must be written in the transaction of the fact they report");
        }
    }

    /** This transaction's records; the first append registers their insert before the commit. */
    private List<Entry> batch() {
        requireTransaction();
        // bound to the transaction as a resource, found in constant time however many synchronizations the
        // transaction holds (a batch of commands registers one per command); a suspended transaction keeps its own
        if (TransactionSynchronizationManager.getResource(this) instanceof Batch b) {
            return b.entries;
        }
        Batch b = new Batch(this);
        TransactionSynchronizationManager.bindResource(this, b);
        TransactionSynchronizationManager.registerSynchronization(b);
        return b.entries;
    }

    private void insert(List<Entry> entries) {
        // one row per transaction, one array element per record: a group-committed batch of hundreds of sends is one
        // tuple and one index entry, and the relay reads, locks and deletes it as one
        int n = entries.size();
        String[] topics = new String[n];
        String[] keys = new String[n];
        byte[][] payloads = new byte[n][];
        Boolean[] sequenced = new Boolean[n];
        for (int i = 0; i < n; i++) {
            Entry e = entries.get(i);
            topics[i] = e.topic();
            keys[i] = e.key();
            payloads[i] = e.payload();
            sequenced[i] = e.sequenced();
        }
        jdbc.update(INSERT, topics, keys, payloads, sequenced, Timestamp.from(clock.instant()));
    }

    private record Entry(String topic, String key, byte[] payload, boolean sequenced) {
    }

    private static final class Batch implements TransactionSynchronization {
        private final Outbox owner;
        private final List<Entry> entries = new ArrayList<>(2);

        Batch(Outbox owner) {
            this.owner = owner;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            if (!entries.isEmpty()) {
                owner.insert(entries);
            }
        }

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResource(owner);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(owner, this);
        }

        @Override
        public void afterCommit() {
            if (!entries.isEmpty()) {
                owner.committed.run();
            }
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(owner);
        }
    }
}
