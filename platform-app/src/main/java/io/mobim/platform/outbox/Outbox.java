package io.mobim.platform.outbox;

import io.mobim.events.EventJson;
import java.sql.Timestamp;
import java.time.Clock;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * are); an insert that fails there rolls the whole transaction back. Just before that, a {@link LocalConsumer} of
 * this process may take its topic's records in the same transaction ({@link LocalConsumer#takeInTransaction}: the
 * all-in-one's SMPP gateway takes MTs into its ledger there), and those never enter the outbox; if its write fails it
 * is rolled back to a savepoint and the records go into the outbox for the relay.
 */
public class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    /** The arrays hold the records in the order appended: the relay publishes them in that order. */
    private static final String INSERT = """
            insert into im.outbox_transaction (topics, record_keys, payloads, stamp_sequence, created_at)
            values (?::varchar[], ?::varchar[], ?::bytea[], ?::boolean[], ?)""";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Runnable committed;
    /** Consumers taking their topic's records in the appending transaction, by topic. */
    private final Map<String, LocalConsumer> inTransaction = new HashMap<>();
    /** Records taken in their transaction, by topic. */
    private final Map<String, Counter> takenInTransaction = new HashMap<>();

    /** {@code committed} runs after each commit of a transaction that wrote records (it wakes the relay). */
    Outbox(JdbcTemplate jdbc, Clock clock, Runnable committed) {
        this(jdbc, clock, committed, List.of(), new SimpleMeterRegistry());
    }

    /** @param inTransaction consumers offered their topic's records in the appending transaction */
    Outbox(JdbcTemplate jdbc, Clock clock, Runnable committed, List<LocalConsumer> inTransaction, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.committed = committed;
        for (LocalConsumer c : inTransaction) {
            this.inTransaction.put(c.topic(), c);
            takenInTransaction.put(c.topic(), Counter.builder("mobim.outbox.taken.in.transaction").tag("topic", c.topic())
                    .description("records a consumer of this process took in the transaction that wrote them, never in the outbox")
                    .register(meters));
        }
    }

    /** Appends an event to publish on {@code topic} under {@code key}. Must run inside a transaction. */
    public void append(String topic, String key, Object event) {
        batch().add(new Entry(topic, key, event, null, false));
    }

    /**
     * Appends an event, already JSON, whose {@code nodeId} and {@code sequence} fields are left out and filled in by
     * the relay: the node that publishes it numbers it, without gaps (charging events, for the billing team's gap
     * detection). Must run inside a transaction.
     */
    public void appendSequenced(String topic, String key, byte[] eventWithoutOrigin) {
        batch().add(new Entry(topic, key, null, eventWithoutOrigin, true));
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
            payloads[i] = e.payload != null ? e.payload : EventJson.mapper().writeValueAsBytes(e.event);
            sequenced[i] = e.sequenced();
        }
        jdbc.update(INSERT, topics, keys, payloads, sequenced, Timestamp.from(clock.instant()));
    }

    /** {@code event} serialised when the row is written (not at all if a consumer takes it in the transaction), or {@code payload}. */
    private record Entry(String topic, String key, Object event, byte[] payload, boolean sequenced) {
    }

    /**
     * Offers each in-transaction consumer its topic's records (behind a savepoint); returns the records left for the
     * outbox row, and adds the consumers' pending takes to {@code taking}.
     */
    private List<Entry> offerInTransaction(List<Entry> entries, List<LocalConsumer.InTransaction> taking) {
        List<Entry> left = entries;
        for (LocalConsumer consumer : inTransaction.values()) {
            List<Integer> at = new ArrayList<>();
            List<Object> events = new ArrayList<>();
            for (int i = 0; i < left.size(); i++) {
                Entry e = left.get(i);
                if (e.event != null && e.topic.equals(consumer.topic())) {
                    at.add(i);
                    events.add(e.event);
                }
            }
            if (events.isEmpty()) {
                continue;
            }
            LocalConsumer.InTransaction take = takeBehindSavepoint(consumer, events);
            if (take == null) {
                continue;
            }
            Set<Integer> taken = new HashSet<>(at);
            take.left().forEach(j -> taken.remove(at.get(j)));
            Counter counter = takenInTransaction.get(consumer.topic());
            taking.add(new CountedOnCommit(take, counter, taken.size()));
            List<Entry> rest = new ArrayList<>(left.size() - taken.size());
            for (int i = 0; i < left.size(); i++) {
                if (!taken.contains(i)) {
                    rest.add(left.get(i));
                }
            }
            left = rest;
        }
        return left;
    }

    /** Counts the records taken once the transaction commits. */
    private record CountedOnCommit(LocalConsumer.InTransaction take, Counter counter, int n) implements LocalConsumer.InTransaction {
        @Override
        public List<Integer> left() {
            return take.left();
        }

        @Override
        public void committed() {
            counter.increment(n);
            take.committed();
        }

        @Override
        public void completed(boolean committed) {
            take.completed(committed);
        }
    }

    private LocalConsumer.InTransaction takeBehindSavepoint(LocalConsumer consumer, List<Object> events) {
        return jdbc.execute((java.sql.Connection c) -> {
            Savepoint before = c.setSavepoint();
            try {
                return consumer.takeInTransaction(events);
            } catch (RuntimeException e) {
                c.rollback(before); // an outage fails this too, and with it the transaction
                log.warn("{} records of {} could not be taken in their transaction ({}); they go through the outbox",
                        events.size(), consumer.topic(), e.toString());
                return null;
            }
        });
    }

    private static final class Batch implements TransactionSynchronization {
        private final Outbox owner;
        private final List<Entry> entries = new ArrayList<>(2);
        private final List<LocalConsumer.InTransaction> taking = new ArrayList<>(1);
        private boolean rowWritten;

        Batch(Outbox owner) {
            this.owner = owner;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            if (entries.isEmpty()) {
                return;
            }
            List<Entry> row = owner.inTransaction.isEmpty() ? entries : owner.offerInTransaction(entries, taking);
            if (!row.isEmpty()) {
                owner.insert(row);
                rowWritten = true;
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
            taking.forEach(LocalConsumer.InTransaction::committed);
            if (rowWritten) {
                owner.committed.run();
            }
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(owner);
            taking.forEach(t -> t.completed(status == STATUS_COMMITTED));
        }
    }
}
