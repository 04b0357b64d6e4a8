package io.mobim.events.consumer;

import io.mobim.events.MalformedEvent;
import io.mobim.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.BatchInterceptor;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * What every mobim consumer does with a record it fails to handle, by {@link FailureKind}: an outage is waited out
 * with capped exponential backoff for as long as it lasts (the record and those behind it stay where they are); a
 * permanent failure goes to {@code <topic>.dlt} at once; an unknown one after a few retries. A dead letter keeps the
 * key and the value as consumed, and says why in {@value Topics#DEAD_LETTER_REASON_HEADER} (the innermost reason in
 * words) and {@value Topics#DEAD_LETTER_KIND_HEADER} (the kind), besides Spring's {@code kafka_dlt-*} headers (the
 * original topic, partition and offset).
 *
 * <p>A listener that takes whole polls names the failing record ({@code BatchListenerFailedException}): the records
 * before it are committed, and it is retried or dead-lettered as above with the records after it behind it.
 */
public final class ConsumerErrorPolicy {

    private static final LogAccessor LOG = new LogAccessor(ConsumerErrorPolicy.class);

    private ConsumerErrorPolicy() {
    }

    /**
     * How failed records are retried.
     *
     * @param initialInterval the first wait after a failure
     * @param maxInterval     the longest wait between two attempts while waiting out an outage (the waits double up to it)
     * @param unknownRetries  retries of a record that failed for an {@linkplain FailureKind#UNKNOWN unknown} reason
     *                        before it is dead-lettered
     */
    public record Retry(Duration initialInterval, Duration maxInterval, int unknownRetries) {

        public Retry {
            if (initialInterval.isNegative() || initialInterval.isZero() || maxInterval.compareTo(initialInterval) < 0) {
                throw new IllegalArgumentException("retry intervals must be positive, the longest at least the first: "
                        + initialInterval + ", " + maxInterval);
            }
            if (unknownRetries < 0) {
                throw new IllegalArgumentException("retries of an unknown failure must not be negative: " + unknownRetries);
            }
        }

        BackOff backOff(FailureKind kind) {
            return switch (kind) {
                case PERMANENT -> new FixedBackOff(0, 0);
                case OUTAGE -> exponential(ExponentialBackOff.DEFAULT_MAX_ATTEMPTS);
                case UNKNOWN -> exponential(unknownRetries);
            };
        }

        private BackOff exponential(long retries) {
            ExponentialBackOff backOff = new ExponentialBackOff(initialInterval.toMillis(), 2.0);
            backOff.setMaxInterval(maxInterval.toMillis());
            backOff.setMaxElapsedTime(ExponentialBackOff.DEFAULT_MAX_ELAPSED_TIME);
            backOff.setMaxAttempts(retries);
            return backOff;
        }
    }

    /**
     * The recoverer that writes dead letters: to {@code <topic>.dlt}, any partition (same key, so the records of one
     * key stay in order there too), with the reason and the kind of failure in headers.
     *
     * @param templates producers by value type, as {@link DeadLetterPublishingRecoverer} takes them (raw bytes of an
     *                  unreadable record, the event object of a readable one)
     */
    public static DeadLetterPublishingRecoverer deadLetters(Map<Class<?>, KafkaOperations<?, ?>> templates) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(templates,
                (record, e) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        // Spring's kafka_dlt-exception-* headers carry the wrappers' words; these the innermost reason and the kind
        recoverer.setHeadersFunction((record, e) -> new RecordHeaders(List.of(
                new RecordHeader(Topics.DEAD_LETTER_REASON_HEADER, MalformedEvent.reasonOf(e).getBytes(StandardCharsets.UTF_8)),
                new RecordHeader(Topics.DEAD_LETTER_KIND_HEADER, FailureKind.of(e).name().getBytes(StandardCharsets.UTF_8)))));
        return recoverer;
    }

    /**
     * Makes {@code factory}'s containers follow this policy: its error handler, and an interceptor that tells
     * {@code outages} when a poll (or record) of {@code listener} has been handled.
     *
     * @param listener the name of the listener in logs, metrics and health (its group, say)
     */
    public static <K, V> void apply(ConcurrentKafkaListenerContainerFactory<K, V> factory, String listener,
            ConsumerRecordRecoverer deadLetters, Retry retry, ConsumerOutages outages) {
        factory.setCommonErrorHandler(errorHandler(listener, deadLetters, retry, outages));
        HandledSignal<K, V> handled = new HandledSignal<>(() -> outages.handled(listener));
        factory.setBatchInterceptor(handled);
        factory.setRecordInterceptor(handled);
    }

    /** Tells that a poll (or a record) was handled, whichever kind of listener the container has. */
    private record HandledSignal<K, V>(Runnable handled) implements BatchInterceptor<K, V>, RecordInterceptor<K, V> {

        @Override
        public ConsumerRecords<K, V> intercept(ConsumerRecords<K, V> records, Consumer<K, V> consumer) {
            return records;
        }

        @Override
        public ConsumerRecord<K, V> intercept(ConsumerRecord<K, V> record, Consumer<K, V> consumer) {
            return record;
        }

        @Override
        public void success(ConsumerRecords<K, V> records, Consumer<K, V> consumer) {
            handled.run();
        }

        @Override
        public void success(ConsumerRecord<K, V> record, Consumer<K, V> consumer) {
            handled.run();
        }
    }

    /** The error handler of {@link #apply}, for a container built without a factory. */
    public static DefaultErrorHandler errorHandler(String listener, ConsumerRecordRecoverer deadLetters, Retry retry,
            ConsumerOutages outages) {
        // a failure without the failing record's index retries the whole poll: as an outage, never dead-lettered
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, retry.backOff(FailureKind.OUTAGE));
        handler.setBackOffFunction((record, e) -> retry.backOff(FailureKind.of(e)));
        // the listener below logs each failure once, in words; the handler's own log is a stack trace per attempt
        handler.setLogLevel(KafkaException.Level.DEBUG);
        handler.setRetryListeners(new RetryListener() {
            @Override
            public void failedDelivery(ConsumerRecord<?, ?> record, Exception e, int attempt) {
                failed(listener, position(record), e, attempt, outages);
            }

            @Override
            public void failedDelivery(ConsumerRecords<?, ?> records, Exception e, int attempt) {
                failed(listener, records.count() + " records", e, attempt, outages);
            }

            @Override
            public void recovered(ConsumerRecord<?, ?> record, Exception e) {
                FailureKind kind = FailureKind.of(e);
                outages.deadLettered(listener, kind);
                LOG.warn(() -> "Dead-lettered " + position(record) + " to " + Topics.deadLetter(record.topic()) + " (" + kind
                        + "): " + MalformedEvent.reasonOf(e));
            }

            @Override
            public void recoveryFailed(ConsumerRecord<?, ?> record, Exception original, Exception failure) {
                LOG.warn(failure, () -> "Could not dead-letter " + position(record) + "; it will be tried again");
            }
        });
        return handler;
    }

    private static void failed(String listener, String what, Exception e, int attempt, ConsumerOutages outages) {
        FailureKind kind = FailureKind.of(e);
        outages.failed(listener, kind, e);
        if (kind == FailureKind.UNKNOWN) {
            LOG.warn(e, () -> "Consumer " + listener + " failed on " + what + " (attempt " + attempt + "): " + MalformedEvent.reasonOf(e));
        } else {
            LOG.debug(e, () -> "Consumer " + listener + " failed on " + what + " (" + kind + ", attempt " + attempt + ")");
        }
    }

    private static String position(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
