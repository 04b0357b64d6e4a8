package io.mobim.billing.rating;

import io.mobim.events.MalformedEvent;
import io.mobim.events.Topics;
import io.mobim.events.charging.ChargingEvent;
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
 * committed by the container after it returns (ack mode BATCH). A record that does not read as a
 * {@link ChargingEvent} (its value is null: the {@code ErrorHandlingDeserializer} caught the failure) ends the
 * batch: the records before it are rated, then it is reported to the error handler, which sends it to
 * {@code charging.v1.dlt} with the reason, without retrying, and redelivers the records after it.
 */
public class ChargingListener {

    public static final String ID = "billing-charging";
    private static final LogAccessor LOG = new LogAccessor(ChargingListener.class);

    private final RatingService rating;

    public ChargingListener(RatingService rating) {
        this.rating = rating;
    }

    @KafkaListener(id = ID, topics = Topics.CHARGING, containerFactory = "billingListenerContainerFactory",
            batch = "true", idIsGroup = false, groupId = "${mobim.billing.consumer.group-id:billing}")
    public void onBatch(List<ConsumerRecord<String, ChargingEvent>> records) {
        List<ChargingEvent> events = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, ChargingEvent> record = records.get(i);
            if (record.value() == null) {
                rating.rate(events);
                DeserializationException cause = SerializationUtils.getExceptionFromHeader(record,
                        SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG);
                String reason = MalformedEvent.reasonOf(cause);
                throw new BatchListenerFailedException("malformed charging event at " + record.topic() + "-"
                        + record.partition() + "@" + record.offset(), new MalformedEvent(reason, cause), i);
            }
            events.add(record.value());
        }
        rating.rate(events);
    }

}
