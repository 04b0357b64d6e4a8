package io.mobim.clearing.ingest;

import io.mobim.events.MalformedEvent;
import io.mobim.events.Topics;
import io.mobim.events.consumer.FailureKind;
import io.mobim.events.interop.InteropRecord;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * The {@code interop.records.v1} consumer: a poll is stored in one transaction, and the container commits its
 * offsets after (ack mode BATCH); a redelivered poll stores nothing twice (record ids).
 *
 * <p>A record that can never be stored (it does not read as an {@link InteropRecord}, or its event time is outside the
 * accepted window) is named to the error handler after the records before it are stored, which dead-letters it to
 * {@code interop.records.v1.dlt} with the reason and goes on behind it. A poll that fails because the database is away
 * is retried until it is back; one that fails otherwise is stored record by record to name the one that fails.
 */
public class RecordsListener {

    public static final String ID = "clearing-records";
    private static final LogAccessor LOG = new LogAccessor(RecordsListener.class);

    private final IngestService ingest;
    private final String groupId;

    /** @param groupId the consumer group, {@code mobim.clearing.consumer.group-id} */
    public RecordsListener(IngestService ingest, String groupId) {
        this.ingest = ingest;
        this.groupId = groupId;
    }

    /** The consumer group the listener joins, read by its annotation. */
    public String groupId() {
        return groupId;
    }

    @KafkaListener(id = ID, topics = Topics.INTEROP_RECORDS, containerFactory = "clearingListenerContainerFactory",
            batch = "true", idIsGroup = false, groupId = "#{__listener.groupId()}")
    public void onBatch(List<ConsumerRecord<String, InteropRecord>> records) {
        List<InteropRecord> batch = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, InteropRecord> record = records.get(i);
            String refusal = record.value() == null ? MalformedEvent.reasonOf(cause(record)) : ingest.window().refusal(record.value());
            if (refusal != null) {
                store(batch, 0);
                throw new BatchListenerFailedException(refusal + " at " + record.topic() + "-" + record.partition() + "@"
                        + record.offset(), new MalformedEvent(refusal, cause(record)), i);
            }
            batch.add(record.value());
        }
        store(batch, 0);
    }

    private static DeserializationException cause(ConsumerRecord<String, InteropRecord> record) {
        return record.value() != null ? null : SerializationUtils.getExceptionFromHeader(record,
                SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG);
    }

    /** Stores {@code batch}, the records from index {@code first} of the poll on; names the one that fails. */
    private void store(List<InteropRecord> batch, int first) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            ingest.ingest(batch);
        } catch (RuntimeException failure) {
            if (batch.size() == 1 || FailureKind.of(failure) == FailureKind.OUTAGE) {
                throw new BatchListenerFailedException("storing " + batch.size() + " records failed", failure, first);
            }
            LOG.warn(() -> "Storing a poll of " + batch.size() + " inter-operator records failed (" + MalformedEvent.reasonOf(failure)
                    + "); storing them one by one to find the one that fails");
            for (int i = 0; i < batch.size(); i++) {
                store(List.of(batch.get(i)), first + i);
            }
        }
    }
}
