package io.mobim.platform.deadletters;

import io.micrometer.core.instrument.MeterRegistry;
import io.mobim.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the dead-letter topics and replays them: a record goes back onto its original topic as it was consumed
 * (same key, so the same partition and order among its key's records; same value and headers), without the
 * dead-letter headers, with {@value Topics#REPLAYED_FROM_HEADER} saying where it was replayed from. The consumers
 * dedupe by event id, so replaying a record that was handled meanwhile, or replaying a range twice, changes
 * nothing; a record that still cannot be handled goes to the dead-letter topic again, with its reason.
 *
 * <p>The dead-letter topic is not changed by a replay (it keeps its records until its retention ends): a replay
 * says up to which offset it went, for the next one to start there.
 */
public class DeadLetterTopics implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterTopics.class);

    private final Admin admin;
    private final Map<String, Object> consumerConfig;
    private final KafkaProducer<byte[], byte[]> producer;
    private final DeadLetterSettings settings;
    private final MeterRegistry meters;

    DeadLetterTopics(Map<String, Object> adminConfig, Map<String, Object> consumerConfig, Map<String, Object> producerConfig,
                     DeadLetterSettings settings, MeterRegistry meters) {
        this.admin = Admin.create(adminConfig);
        this.consumerConfig = new HashMap<>(consumerConfig);
        this.consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);    // reads by assignment, commits nothing
        this.consumerConfig.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        this.consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, Object> producing = new HashMap<>(producerConfig);
        producing.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producing.put(ProducerConfig.ACKS_CONFIG, "all");
        producing.put(ProducerConfig.CLIENT_ID_CONFIG, "mobim-dead-letter-replay");
        this.producer = new KafkaProducer<>(producing, new ByteArraySerializer(), new ByteArraySerializer());
        this.settings = settings;
        this.meters = meters;
    }

    /** The records a dead-letter topic holds now, per partition (from the earliest kept to the next to come). */
    public record Count(String topic, String originalTopic, long records, List<PartitionRange> partitions) {
    }

    /** Offsets {@code [from, to)} of one partition. */
    public record PartitionRange(int partition, long from, long to) {
        long size() {
            return Math.max(0, to - from);
        }
    }

    /**
     * What a replay did: {@code replayed} records put back onto {@code originalTopic}; per partition, the offsets
     * read; {@code complete} false when {@code max-replay} stopped it early (replay again from each {@code to}).
     */
    public record Replay(String topic, String originalTopic, long replayed, List<PartitionRange> partitions, boolean complete) {
    }

    /** Every dead-letter topic of the platform with its count. */
    public List<Count> counts() {
        List<Count> counts = new ArrayList<>();
        for (String topic : Topics.MAIN) {
            counts.add(count(Topics.deadLetter(topic)));
        }
        return counts;
    }

    /** One dead-letter topic's count. */
    public Count count(String deadLetterTopic) {
        List<PartitionRange> ranges = ranges(known(deadLetterTopic), null);
        return new Count(deadLetterTopic, Topics.originalOf(deadLetterTopic), ranges.stream().mapToLong(PartitionRange::size).sum(), ranges);
    }

    /**
     * Replays the records of {@code deadLetterTopic} (of one partition, or all), from offset {@code from} (default:
     * the earliest kept) to before {@code to} (default: the end as of now), at most {@code max-replay} records.
     *
     * @throws UnknownDeadLetterTopic if it is not one of the platform's dead-letter topics
     * @throws IllegalArgumentException if the partition does not exist or the range is empty or reversed
     */
    public Replay replay(String deadLetterTopic, Integer partition, Long from, Long to) {
        String topic = known(deadLetterTopic);
        if (from != null && to != null && to <= from) {
            throw new IllegalArgumentException("toOffset (" + to + ") must be greater than fromOffset (" + from + ")");
        }
        List<PartitionRange> kept = ranges(topic, partition);
        List<PartitionRange> wanted = kept.stream().map(r -> new PartitionRange(r.partition(),
                Math.max(r.from(), from == null ? r.from() : from), Math.min(r.to(), to == null ? r.to() : to))).toList();
        String original = Topics.originalOf(topic);
        long budget = settings.maxReplay();
        List<PartitionRange> done = new ArrayList<>();
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        boolean complete = true;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            for (PartitionRange range : wanted) {
                long next = range.from();
                if (range.size() > 0 && budget > 0) {
                    next = replay(consumer, topic, original, range, budget, sends);
                    budget -= next - range.from();
                }
                complete &= next >= range.to();
                done.add(new PartitionRange(range.partition(), range.from(), next));
            }
        }
        awaitAll(sends);
        long replayed = done.stream().mapToLong(PartitionRange::size).sum();
        meters.counter("mobim.dead_letters.replayed", "topic", topic).increment(replayed);
        log.info("Replayed {} records of {} onto {}: {}{}", replayed, topic, original, done, complete ? "" : " (more to replay)");
        return new Replay(topic, original, replayed, done, complete);
    }

    /** Sends the records of {@code range} (at most {@code budget}) to {@code original}; returns the next offset to replay. */
    private long replay(KafkaConsumer<byte[], byte[]> consumer, String topic, String original, PartitionRange range,
                        long budget, List<Future<RecordMetadata>> sends) {
        TopicPartition tp = new TopicPartition(topic, range.partition());
        consumer.assign(List.of(tp));
        consumer.seek(tp, range.from());
        long next = range.from();
        long end = Math.min(range.to(), range.from() + budget);
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        while (next < end) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("reading " + tp + " from offset " + next + " took longer than " + settings.timeout());
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200)).records(tp)) {
                if (record.offset() >= end) {
                    break;
                }
                sends.add(producer.send(new ProducerRecord<>(original, null, record.key(), record.value(),
                        replayHeaders(record, tp))));
                next = record.offset() + 1;
            }
            next = Math.max(next, consumer.position(tp));   // offsets a compaction or transaction marker took
        }
        return Math.min(next, end);
    }

    private static RecordHeaders replayHeaders(ConsumerRecord<byte[], byte[]> record, TopicPartition from) {
        RecordHeaders headers = new RecordHeaders();
        for (Header h : record.headers()) {
            String key = h.key();
            if (!key.startsWith("kafka_dlt-") && !key.startsWith("mobim_dlt_") && !key.equals(Topics.REPLAYED_FROM_HEADER)
                    && !key.startsWith("springDeserializerException")) {
                headers.add(h);
            }
        }
        headers.add(new RecordHeader(Topics.REPLAYED_FROM_HEADER,
                (from.topic() + "-" + from.partition() + "@" + record.offset()).getBytes(StandardCharsets.UTF_8)));
        return headers;
    }

    private void awaitAll(List<Future<RecordMetadata>> sends) {
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        try {
            for (Future<RecordMetadata> send : sends) {
                send.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the replayed records were not all acknowledged by Kafka (replaying the same "
                    + "range again is safe: the consumers dedupe): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying", e);
        }
    }

    private List<PartitionRange> ranges(String topic, Integer partition) {
        try {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS).get(topic);
            int partitions = description.partitions().size();
            if (partition != null && (partition < 0 || partition >= partitions)) {
                throw new IllegalArgumentException(topic + " has partitions 0 to " + (partitions - 1) + ", not " + partition);
            }
            List<TopicPartition> tps = new ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                if (partition == null || partition == p) {
                    tps.add(new TopicPartition(topic, p));
                }
            }
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> earliest = offsets(tps, OffsetSpec.earliest());
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> latest = offsets(tps, OffsetSpec.latest());
            return tps.stream().map(tp -> new PartitionRange(tp.partition(), earliest.get(tp).offset(), latest.get(tp).offset())).toList();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not describe " + topic + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets(Collection<TopicPartition> tps, OffsetSpec spec)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        tps.forEach(tp -> request.put(tp, spec));
        return admin.listOffsets(request).all().get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private static String known(String topic) {
        if (Topics.MAIN.stream().map(Topics::deadLetter).noneMatch(topic::equals)) {
            throw new UnknownDeadLetterTopic(topic);
        }
        return topic;
    }

    /** A name that is not one of the platform's dead-letter topics. */
    public static final class UnknownDeadLetterTopic extends RuntimeException {
        UnknownDeadLetterTopic(String topic) {
            super("not a dead-letter topic of the platform: '" + topic + "' (they are "
                    + Topics.MAIN.stream().map(Topics::deadLetter).toList() + ")");
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
    }
}
