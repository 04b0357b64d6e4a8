package io.mobim.platform.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.mobim.events.MalformedEvent;
import io.mobim.events.consumer.FailureKind;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Handles a whole poll of records in one database transaction, for listeners built by
 * {@link EventConsumers#batchFactory}: one commit (and one WAL flush) for the poll instead of one per record.
 *
 * <p>If the poll's transaction fails because the database (or Kafka) is away ({@link FailureKind#OUTAGE}), the poll
 * is named to the container from its first record, which waits and retries it until the outage is over. If it fails
 * for another reason, nothing of it was written, and the records are handled again one
 * transaction each, in order, until the one that fails: the records before it are written, and it is named
 * to the container by its index ({@link BatchListenerFailedException}), which commits the offsets before it,
 * retries or dead-letters it ({@code <topic>.dlt}, reason in {@value io.mobim.events.Topics#DEAD_LETTER_REASON_HEADER}) and delivers
 * the records after it again. Every record is thus handled exactly once, as by a listener of single records,
 * provided the handler joins the caller's transaction and dedupes a replay (a record may have been handled
 * before a crash or a rebalance). Counted in {@code mobim.kafka.batch.fallbacks{listener}}.
 *
 * <p>A record that does not read (null value from the {@code ErrorHandlingDeserializer}) is named the same way,
 * after the records before it are handled; so is a record whose data the database refuses (SQL state class 22:
 * a NUL character, a value too long): retrying cannot change that, so it is dead-lettered at once as malformed.
 *
 * <p>Between records the JPA persistence context is flushed and cleared, so that each record sees what the
 * records before it wrote, through JPA or JDBC, as it would in a transaction of its own.
 */
public final class RecordBatches {

    private static final LogAccessor LOG = new LogAccessor(RecordBatches.class);

    private final TransactionTemplate tx;
    private final EntityManagerFactory jpa;
    private final MeterRegistry meters;
    private final Map<String, Counter> fallbacks = new ConcurrentHashMap<>();

    /** @param jpa the JPA persistence unit sharing the transactions, or null if there is none */
    public RecordBatches(TransactionTemplate tx, EntityManagerFactory jpa, MeterRegistry meters) {
        this.tx = tx;
        this.jpa = jpa;
        this.meters = meters;
    }

    /**
     * Hands each record's value to {@code handler}, in order, in as few transactions as it can.
     *
     * @param listener the name for the fallback metric (the topic)
     * @param handler takes one record; joins the current transaction, and dedupes records it has handled before
     */
    public <T> void handle(String listener, List<ConsumerRecord<String, T>> records, Consumer<? super T> handler) {
        handleAll(listener, records, values -> {
            for (int i = 0; i < values.size(); i++) {
                handler.accept(values.get(i));
                if (i < values.size() - 1) {
                    betweenRecords();
                }
            }
        }, handler);
    }

    /**
     * Hands the poll's readable values to {@code all} at once, in one transaction; if that fails, to {@code each} one
     * record per transaction, as described above.
     *
     * @param listener the name for the fallback metric (the topic)
     * @param all takes the values as a set, in order; joins the current transaction, and dedupes records handled before
     * @param each takes one value, with the same effect as {@code all} would have had on it alone
     */
    public <T> void handleAll(String listener, List<ConsumerRecord<String, T>> records, Consumer<List<T>> all,
                              Consumer<? super T> each) {
        handleAll(listener, records, value -> true, all, each);
    }

    /**
     * {@link #handleAll(String, List, Consumer, Consumer)} for the values that {@code relevant} says may change something;
     * a poll with none opens no transaction.
     */
    public <T> void handleAll(String listener, List<ConsumerRecord<String, T>> records, Predicate<? super T> relevant,
                              Consumer<List<T>> all, Consumer<? super T> each) {
        int unreadable = 0;
        while (unreadable < records.size() && records.get(unreadable).value() != null) {
            unreadable++;
        }
        List<ConsumerRecord<String, T>> readable = records.subList(0, unreadable);
        LOG.trace(() -> "poll of " + listener + ": " + records.stream().map(RecordBatches::position).toList());
        List<T> values = new ArrayList<>(readable.size());
        readable.stream().map(ConsumerRecord::value).filter(relevant).forEach(values::add);
        if (!values.isEmpty()) {
            try {
                tx.executeWithoutResult(status -> all.accept(values));
            } catch (RuntimeException batchFailure) {
                if (FailureKind.of(batchFailure) == FailureKind.OUTAGE) {
                    // the database (or Kafka) is away: record by record would fail the same way, each after its own wait
                    throw new BatchListenerFailedException("a poll of " + listener + " failed: outage", batchFailure, 0);
                }
                fallbacks.computeIfAbsent(listener, l -> Counter.builder("mobim.kafka.batch.fallbacks").tag("listener", l)
                        .description("polls whose one transaction failed and that were handled again one record at a time")
                        .register(meters)).increment();
                LOG.debug(batchFailure, () -> "A poll of " + readable.size() + " records of " + listener
                        + " failed as one transaction; handling them one at a time");
                oneByOne(readable, relevant, each);
            }
        }
        if (unreadable < records.size()) {
            ConsumerRecord<String, T> record = records.get(unreadable);
            DeserializationException cause = SerializationUtils.getExceptionFromHeader(record,
                    SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG);
            String reason = cause == null ? "a record without a value" : MalformedEvent.reasonOf(cause);
            throw new BatchListenerFailedException("unreadable record at " + position(record),
                    new MalformedEvent(reason, cause), unreadable);
        }
    }

    private <T> void oneByOne(List<ConsumerRecord<String, T>> records, Predicate<? super T> relevant, Consumer<? super T> handler) {
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, T> record = records.get(i);
            if (!relevant.test(record.value())) {
                continue;
            }
            try {
                tx.executeWithoutResult(status -> handler.accept(record.value()));
            } catch (RuntimeException e) {
                RuntimeException cause = MalformedEvent.isDataRefusal(e) ? new MalformedEvent("the database refuses the record's data: "
                        + MalformedEvent.reasonOf(e), e) : e;
                throw new BatchListenerFailedException("record " + i + " of the poll failed, at " + position(record), cause, i);
            }
        }
    }

    private void betweenRecords() {
        if (jpa == null) {
            return;
        }
        EntityManager em = EntityManagerFactoryUtils.getTransactionalEntityManager(jpa);
        if (em != null) {
            em.flush();
            em.clear();
        }
    }

    private static String position(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
