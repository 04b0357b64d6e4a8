package io.mobim.platform.outbox;

import io.mobim.events.EventJson;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes outbox records to Kafka in id order, a batch per transaction: the rows are locked
 * ({@code SKIP LOCKED}, so several instances share the work), sent, and deleted only after Kafka acknowledged
 * every one of them. If Kafka does not answer, the transaction rolls back and the same records go again.
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

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final KafkaTemplate<String, byte[]> kafka;
    private final OutboxSettings settings;
    private final Counter published;
    private final Counter failures;
    /** The node id as a JSON string, escaped once. */
    private final String quotedNodeId;
    /** The last id the previous round read; the next round reads above it unless it reads from the start. */
    private long readUpTo;
    /** {@link System#nanoTime} of the last round that read from the start; empty before the first. */
    private OptionalLong lastFullRead = OptionalLong.empty();

    OutboxRelay(JdbcClient jdbc, TransactionTemplate tx, KafkaTemplate<String, byte[]> kafka, OutboxSettings settings, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.kafka = kafka;
        this.settings = settings;
        this.quotedNodeId = EventJson.mapper().writeValueAsString(settings.nodeId());
        this.published = Counter.builder("mobim.outbox.published").description("records relayed from the outbox to Kafka").register(meters);
        this.failures = Counter.builder("mobim.outbox.failures").description("relay rounds rolled back because Kafka did not acknowledge").register(meters);
        meters.gauge("mobim.outbox.pending", jdbc, j -> j.sql("select count(*) from im.outbox").query(Long.class).single());
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

    /** One round: lock up to a batch of records, publish them, delete them. */
    synchronized int relayBatch() {
        long now = System.nanoTime();
        boolean fromStart = lastFullRead.isEmpty() || now - lastFullRead.getAsLong() >= settings.rescanInterval().toNanos();
        long after = fromStart ? 0 : readUpTo;
        List<Long> read = new ArrayList<>();
        Integer n;
        try {
            n = relayAfter(after, read);
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

    private Integer relayAfter(long after, List<Long> read) {
        return tx.execute(status -> {
            List<Row> rows = jdbc.sql("""
                    select id, topic, record_key, payload, stamp_sequence from im.outbox
                    where id > ? order by id limit ? for update skip locked""")
                    .params(after, settings.batchSize())
                    .query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBytes(4), rs.getBoolean(5)))
                    .list();
            if (rows.isEmpty()) {
                return 0;
            }
            long sequenced = rows.stream().filter(Row::sequenced).count();
            long next = sequenced == 0 ? 0 : reserveSequence(sequenced);
            List<CompletableFuture<?>> acks = new ArrayList<>(rows.size());
            List<Long> ids = new ArrayList<>(rows.size());
            for (Row row : rows) {
                byte[] payload = row.payload();
                if (row.sequenced()) {
                    payload = stamp(payload, quotedNodeId, next++);
                }
                acks.add(kafka.send(new ProducerRecord<>(row.topic(), row.key(), payload)));
                ids.add(row.id());
            }
            kafka.flush();
            try {
                CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("Kafka did not acknowledge " + rows.size() + " outbox records: " + e.getMessage(), e);
            }
            jdbc.sql("delete from im.outbox where id = any(?)").param(ids.toArray(Long[]::new)).update();
            rows.forEach(r -> read.add(r.id()));
            return rows.size();
        });
    }

    /** Reserves {@code count} numbers of this node's sequence, in the relay's transaction: no gaps on rollback. */
    private long reserveSequence(long count) {
        long last = jdbc.sql("""
                insert into im.node_sequence (node_id, last_value) values (?, ?)
                on conflict (node_id) do update set last_value = im.node_sequence.last_value + excluded.last_value
                returning last_value""")
                .params(settings.nodeId(), count).query(Long.class).single();
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

    private record Row(long id, String topic, String key, byte[] payload, boolean sequenced) {
    }
}
