package io.mobim.platform.outbox;

import io.mobim.events.EventJson;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes outbox records to Kafka in id order, a batch per transaction: the rows (one per transaction that wrote
 * records, its records in the order appended) are locked ({@code SKIP LOCKED}, so several instances share the work),
 * every record of them sent, and the rows deleted only after Kafka acknowledged every one of them. If Kafka does not
 * answer, the transaction rolls back and the same records go again.
 *
 * <p>A round reads on after the last record this relay published, not from the start of the table: the rows it
 * deleted stay in the index until PostgreSQL can drop them (while any transaction that began before the delete
 * runs), and under load every round would read hundreds of them again. The relay moves on only over ids without a
 * gap, so a transaction that took its ids before another but commits after it is read as soon as it commits; a gap
 * that stays (a rolled-back transaction's ids) is passed by a pass from the start, every {@code rescanInterval} (and
 * after a failed round).
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /** Rows fetched at most per round trip of the relay's cursor. */
    private static final int MAX_FETCH_ROWS = 64;

    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    /** A round sends hundreds of records and waits for them with one count ({@link Acks}), not a future each. */
    private final Producer<String, byte[]> kafka;
    private final OutboxSettings settings;
    private final Counter published;
    private final Counter handedOver;
    private final Counter failures;
    /** Consumers in this process that take their topic's records straight from the relay, by topic. */
    private final Map<String, LocalConsumer> localConsumers;
    private final NodeIdentity nodeId;
    /** The last id the previous round read; the next round reads above it unless it reads from the start. */
    private long readUpTo;
    /** {@link System#nanoTime} of the last round that read from the start; empty before the first. */
    private OptionalLong lastFullRead = OptionalLong.empty();
    /** Records per row in the last round: how many rows the next round fetches at once. */
    private int recordsPerRow = 1;

    OutboxRelay(JdbcTemplate jdbc, TransactionTemplate tx, Producer<String, byte[]> kafka, OutboxSettings settings,
                NodeIdentity nodeId, List<LocalConsumer> localConsumers, MeterRegistry meters) {
        this.jdbcTemplate = jdbc;
        this.jdbc = JdbcClient.create(jdbc);
        this.tx = tx;
        this.kafka = kafka;
        this.settings = settings;
        this.nodeId = nodeId;
        this.localConsumers = Map.copyOf(localConsumers.stream().collect(Collectors.toMap(LocalConsumer::topic, c -> c)));
        this.published = Counter.builder("mobim.outbox.published").description("records relayed from the outbox to Kafka or a consumer in this process").register(meters);
        this.handedOver = Counter.builder("mobim.outbox.handed.over").description("records taken by a consumer in this process instead of through Kafka").register(meters);
        this.failures = Counter.builder("mobim.outbox.failures").description("relay rounds rolled back because Kafka did not acknowledge").register(meters);
        // records, not rows: a row holds all the records of one transaction (im.outbox: rows of a pod before V16)
        Gauge.builder("mobim.outbox.pending", this.jdbc, j -> j.sql("""
                select (select coalesce(sum(cardinality(topics)), 0) from im.outbox_transaction)
                     + (select count(*) from im.outbox)""")
                .query(Long.class).single()).description("records in the outbox not yet relayed").register(meters);
    }

    /** Relays until the outbox is empty or a round fails; returns how many records went out. */
    public int drain() {
        int total = 0;
        while (true) {
            int n;
            try {
                n = relayBatch();
            } catch (RuntimeException e) {
                failures.increment();
                log.warn("Outbox relay round failed, will retry: {}", e.getMessage());
                return total;
            }
            total += n;
            if (n < settings.batchSize()) {
                return total;
            }
        }
    }

    /** One round: lock rows holding up to a batch of records, publish every record of them, delete them. */
    synchronized int relayBatch() {
        long now = System.nanoTime();
        boolean fromStart = lastFullRead.isEmpty() || now - lastFullRead.getAsLong() >= settings.rescanInterval().toNanos();
        long after = fromStart ? 0 : readUpTo;
        List<Long> read = new ArrayList<>();
        Integer n;
        try {
            n = relayAfter(after, fromStart, read);
        } catch (RuntimeException e) {
            lastFullRead = OptionalLong.empty(); // rolled back: read from the start next time
            throw e;
        }
        if (fromStart) {
            lastFullRead = OptionalLong.of(now);
            if (!read.isEmpty()) {
                readUpTo = read.getLast(); // a pass from the start passes every gap; it goes on from here
            }
        } else {
            // only over ids without a gap: a missing id may be a transaction still running, which must be read when it
            // commits (or one rolled back, or another instance's relay holding it: the next pass goes past those)
            for (long id : read) {
                if (id != readUpTo + 1) {
                    break;
                }
                readUpTo = id;
            }
        }
        int count = n == null ? 0 : n;
        published.increment(count);
        return count;
    }

    private Integer relayAfter(long after, boolean withLegacy, List<Long> read) {
        return tx.execute(status -> {
            List<Row> legacy = withLegacy ? lockLegacyRows() : List.of();
            List<Row> rows = lockRows(after);
            if (rows.isEmpty() && legacy.isEmpty()) {
                return 0;
            }
            // the old table's rows first: they were written before the upgrade or by older pods beside it
            List<Row> all = new ArrayList<>(legacy.size() + rows.size());
            all.addAll(legacy);
            all.addAll(rows);
            int records = publish(all);
            delete("im.outbox_transaction", rows);
            delete("im.outbox", legacy);
            rows.forEach(r -> read.add(r.id()));
            if (!rows.isEmpty()) {
                recordsPerRow = Math.max(1, (records - legacy.size()) / rows.size());
            }
            return records;
        });
    }

    /**
     * Sends every record of {@code rows}, in order, charging events numbered from this node's sequence, and waits
     * until Kafka acknowledged them all; returns how many.
     */
    private int publish(List<Row> rows) {
        int records = 0;
        int sequenced = 0;
        for (Row row : rows) {
            records += row.size();
            for (Boolean s : row.sequenced()) {
                sequenced += s ? 1 : 0;
            }
        }
        // read once per round: the sequence reserved and the id stamped must be the same node's
        String node = sequenced == 0 ? null : nodeId.current();
        String quotedNodeId = node == null ? null : EventJson.mapper().writeValueAsString(node);
        long next = sequenced == 0 ? 0 : reserveSequence(node, sequenced);
        Acks acks = new Acks();
        Map<String, List<ProducerRecord<String, byte[]>>> local = new HashMap<>();
        for (Row row : rows) {
            for (int i = 0; i < row.size(); i++) {
                byte[] payload = row.payloads()[i];
                if (row.sequenced()[i]) {
                    payload = stamp(payload, quotedNodeId, next++);
                }
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(row.topics()[i], row.keys()[i], payload);
                if (localConsumers.containsKey(record.topic())) {
                    local.computeIfAbsent(record.topic(), t -> new ArrayList<>()).add(record);
                } else {
                    acks.send(kafka, record);
                }
            }
        }
        if (records == 0) {
            return 0;
        }
        local.forEach((topic, handed) -> handOver(localConsumers.get(topic), handed, acks));
        kafka.flush();
        acks.await(records, settings.sendTimeout().toMillis());
        return records;
    }

    /**
     * Hands a round's records of one topic to the consumer in this process (while Kafka acknowledges the others); the
     * records it leaves go to Kafka after all. Throws (the round rolls back) if it could not take them durably.
     */
    private void handOver(LocalConsumer consumer, List<ProducerRecord<String, byte[]>> records, Acks acks) {
        List<Integer> left = consumer.take(records.stream().map(ProducerRecord::value).toList());
        handedOver.increment(records.size() - left.size());
        for (int i : left) {
            acks.send(kafka, records.get(i));
        }
    }

    private void delete(String table, List<Row> rows) {
        if (!rows.isEmpty()) {
            jdbc.sql("delete from " + table + " where id = any(?)").param(rows.stream().map(Row::id).toArray(Long[]::new)).update();
        }
    }

    /**
     * Locks the rows of this round, in id order: rows are added until they hold a batch of records (a row may hold
     * hundreds: a group-committed batch of sends), but a round takes at least one. The rows are fetched a few at a time
     * (a cursor), as many as the records still wanted need at the rows' size so far, and are locked only as they are
     * fetched; the few fetched past the batch stay locked until this round commits and are read again by the next.
     */
    private List<Row> lockRows(long after) {
        int batch = settings.batchSize();
        return jdbcTemplate.query(con -> {
            PreparedStatement select = con.prepareStatement(SELECT);
            select.setLong(1, after);
            select.setInt(2, batch); // every row holds a record at least
            select.setFetchSize(rowsToFetch(batch, recordsPerRow));
            return select;
        }, rs -> {
            List<Row> rows = new ArrayList<>();
            int records = 0;
            while (records < batch && rs.next()) {
                Row row = row(rs);
                rows.add(row);
                records += row.size();
                rs.setFetchSize(rowsToFetch(batch - records, Math.max(1, records / rows.size())));
            }
            return rows;
        });
    }

    private static final String SELECT = """
            select id, topics, record_keys, payloads, stamp_sequence from im.outbox_transaction
            where id > ? order by id limit ? for update skip locked""";

    /**
     * Rows of one record each that pods of the version before V16 wrote to {@code im.outbox} during a rolling upgrade
     * (their own relays take them too: {@code SKIP LOCKED}). Read on passes from the start only, so once the old pods
     * are gone this costs one empty read per {@code rescanInterval}.
     */
    private List<Row> lockLegacyRows() {
        return jdbc.sql("""
                select id, array[topic], array[record_key], array[payload], array[stamp_sequence] from im.outbox
                order by id limit ? for update skip locked""")
                .param(settings.batchSize()).query((rs, i) -> row(rs)).list();
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong(1), (String[]) rs.getArray(2).getArray(), (String[]) rs.getArray(3).getArray(),
                (byte[][]) rs.getArray(4).getArray(), (Boolean[]) rs.getArray(5).getArray());
    }

    /** Rows to fetch at once for {@code records} more records: a cursor fetch is a round trip, a row fetched past the batch is wasted. */
    private static int rowsToFetch(int records, int recordsPerRow) {
        return Math.clamp(Math.ceilDiv(records, recordsPerRow), 1, MAX_FETCH_ROWS);
    }

    /** Reserves {@code count} numbers of this node's sequence, in the relay's transaction: no gaps on rollback. */
    private long reserveSequence(String node, long count) {
        long last = jdbc.sql("""
                insert into im.node_sequence (node_id, last_value) values (?, ?)
                on conflict (node_id) do update set last_value = im.node_sequence.last_value + excluded.last_value
                returning last_value""")
                .params(node, count).query(Long.class).single();
        return last - count + 1;
    }

    /**
     * Adds {@code nodeId} and {@code sequence} to a JSON object written without them (see
     * {@link Outbox#appendSequenced}): appended before its closing brace, without parsing it again.
     */
    static byte[] stamp(byte[] payload, String quotedNodeId, long sequence) {
        int end = payload.length - 1;
        while (end >= 0 && Character.isWhitespace(payload[end])) {
            end--;
        }
        int last = end - 1;
        while (last >= 0 && Character.isWhitespace(payload[last])) {
            last--;
        }
        if (end < 1 || payload[end] != '}') {
            throw new IllegalStateException("a sequenced outbox record is not a JSON object");
        }
        byte[] fields = ((payload[last] == '{' ? "" : ",") + "\"nodeId\":" + quotedNodeId + ",\"sequence\":" + sequence + "}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] out = Arrays.copyOf(payload, end + fields.length);
        System.arraycopy(fields, 0, out, end, fields.length);
        return out;
    }

    /** One transaction's records, in the order it appended them. */
    private record Row(long id, String[] topics, String[] keys, byte[][] payloads, Boolean[] sequenced) {
        int size() {
            return topics.length;
        }
    }

    /** Kafka's acknowledgements of one round's records, counted as they come back on the producer's I/O thread. */
    private static final class Acks implements Callback {
        private int pending;
        private Exception failure;

        void send(Producer<String, byte[]> kafka, ProducerRecord<String, byte[]> record) {
            synchronized (this) {
                pending++;
            }
            try {
                kafka.send(record, this);
            } catch (RuntimeException e) {
                onCompletion(null, e); // Kafka away longer than max.block.ms: the round fails and is run again
            }
        }

        @Override
        public synchronized void onCompletion(RecordMetadata metadata, Exception e) {
            pending--;
            if (e != null && failure == null) {
                failure = e;
            }
            notifyAll();
        }

        /** Returns once every record sent is acknowledged; throws if one failed or they took longer than {@code millis}. */
        synchronized void await(int records, long millis) {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            try {
                while (pending > 0 && failure == null) {
                    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                    if (left <= 0) {
                        throw new IllegalStateException("Kafka did not acknowledge " + records + " outbox records within "
                                + millis + " ms");
                    }
                    wait(left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while Kafka acknowledged " + records + " outbox records", e);
            }
            if (failure != null) {
                throw new IllegalStateException("Kafka did not acknowledge " + records + " outbox records: " + failure.getMessage(), failure);
            }
        }
    }
}
