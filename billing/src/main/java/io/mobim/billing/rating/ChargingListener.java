package io.mobim.billing.rating;

import io.mobim.events.MalformedEvent;
import io.mobim.events.Topics;
import io.mobim.events.charging.ChargingEvent;
import io.mobim.events.consumer.FailureKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * The {@code charging.v1} consumer: one poll = one {@link RatingService#rate(List)} transaction; offsets are
 * committed by the container after it returns (ack mode BATCH).
 *
 * <p>A record that can never be rated ends the batch: the records before it are rated, then it is named to the error
 * handler, which sends it to {@code charging.v1.dlt} with the reason at once, and redelivers the records after it.
 * Such a record does not read as a {@link ChargingEvent} (its value is null: the {@code ErrorHandlingDeserializer}
 * caught the failure), or its event time is outside the accepted window ({@code mobim.billing.consumer.max-event-age}
 * and {@code max-event-ahead}: PostgreSQL has no partition for a time years away, and such a time is a producer's
 * error).
 *
 * <p>If rating the batch fails because the database is away, the batch is named from its first record and retried
 * until the database is back. If it fails for another reason, the events are rated one by one to find the one that
 * fails, which is named alone (retried a few times, then dead-lettered), and the rest go on.
 */
public class ChargingListener {

    public static final String ID = "billing-charging";
    private static final LogAccessor LOG = new LogAccessor(ChargingListener.class);

    private final RatingService rating;
    private final Clock clock;
    private final Duration maxAge;
    private final Duration maxAhead;

    public ChargingListener(RatingService rating, Clock clock, Duration maxAge, Duration maxAhead) {
        this.rating = rating;
        this.clock = clock;
        this.maxAge = maxAge;
        this.maxAhead = maxAhead;
    }

    // the group is the one the container factory sets: mobim.billing.consumer.group-id
    @KafkaListener(id = ID, topics = Topics.CHARGING, containerFactory = "billingListenerContainerFactory",
            batch = "true", idIsGroup = false)
    public void onBatch(List<ConsumerRecord<String, ChargingEvent>> records) {
        List<ChargingEvent> events = new ArrayList<>(records.size());
        Instant now = clock.instant();
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, ChargingEvent> record = records.get(i);
            String refusal = refusal(record, now);
            if (refusal != null) {
                rate(events, 0);
                DeserializationException cause = record.value() != null ? null : SerializationUtils.getExceptionFromHeader(
                        record, SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG);
                throw new BatchListenerFailedException(refusal + " at " + record.topic() + "-" + record.partition() + "@"
                        + record.offset(), new MalformedEvent(refusal, cause), i);
            }
            events.add(record.value());
        }
        rate(events, 0);
    }

    /** Why the record can never be rated, or null if it can. */
    private String refusal(ConsumerRecord<String, ChargingEvent> record, Instant now) {
        ChargingEvent event = record.value();
        if (event == null) {
            return MalformedEvent.reasonOf(SerializationUtils.getExceptionFromHeader(record,
                    SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG));
        }
        if (event.eventTime().isBefore(now.minus(maxAge))) {
            return "event time " + event.eventTime() + " is more than " + maxAge.toDays() + " days before " + now
                    + " (mobim.billing.consumer.max-event-age)";
        }
        if (event.eventTime().isAfter(now.plus(maxAhead))) {
            return "event time " + event.eventTime() + " is more than " + maxAhead + " ahead of " + now
                    + " (mobim.billing.consumer.max-event-ahead)";
        }
        return null;
    }

    /** Rates {@code events}, the records from index {@code first} of the poll on; names the one that fails. */
    private void rate(List<ChargingEvent> events, int first) {
        if (events.isEmpty()) {
            return;
        }
        try {
            rating.rate(events);
        } catch (RuntimeException batchFailure) {
            if (events.size() == 1 || FailureKind.of(batchFailure) == FailureKind.OUTAGE) {
                throw new BatchListenerFailedException("rating " + events.size() + " events failed", batchFailure, first);
            }
            LOG.warn(() -> "Rating a poll of " + events.size() + " events failed (" + MalformedEvent.reasonOf(batchFailure)
                    + "); rating them one by one to find the one that fails");
            for (int i = 0; i < events.size(); i++) {
                rate(List.of(events.get(i)), first + i);
            }
        }
    }
}
