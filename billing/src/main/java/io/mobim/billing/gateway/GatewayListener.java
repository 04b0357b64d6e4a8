package io.mobim.billing.gateway;

import io.micrometer.core.instrument.MeterRegistry;
import io.mobim.events.MalformedEvent;
import io.mobim.events.Topics;
import io.mobim.events.sms.SmsDlr;
import io.mobim.events.sms.SmsMo;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.log.LogAccessor;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Billing's own consumer of the SMS gateway's output ({@code sms.mo.v1}, {@code sms.dlr.v1}), in its own consumer
 * group, so that reconciliation compares rated records with what the gateway reported rather than with what the IM
 * core charged. One poll = one transaction; offsets are committed after it. A record that does not read as its
 * event ends the batch the way {@code ChargingListener} does: the records before it are stored, it goes to
 * {@code <topic>.dlt} with the reason, the records after it are delivered again. A record the table refuses (a
 * constraint) is dead-lettered the same way instead of failing its poll for ever.
 */
public class GatewayListener {

    public static final String MO_ID = "billing-gateway-mo";
    public static final String DLR_ID = "billing-gateway-dlr";
    private static final LogAccessor LOG = new LogAccessor(GatewayListener.class);

    private final GatewayFactStore store;
    private final TransactionTemplate tx;
    private final ZoneId zone;
    private final MeterRegistry meters;

    public GatewayListener(GatewayFactStore store, TransactionTemplate tx, ZoneId zone, MeterRegistry meters) {
        this.store = store;
        this.tx = tx;
        this.zone = zone;
        this.meters = meters;
    }

    // both listeners join the group their container factory sets: mobim.billing.reconciliation.gateway.group-id
    @KafkaListener(id = MO_ID, topics = Topics.SMS_MO, containerFactory = "billingSmsMoListenerFactory", batch = "true",
            idIsGroup = false)
    public void onMos(List<ConsumerRecord<String, SmsMo>> records) {
        consume(records, mo -> GatewayFact.of(mo, zone));
    }

    @KafkaListener(id = DLR_ID, topics = Topics.SMS_DLR, containerFactory = "billingSmsDlrListenerFactory", batch = "true",
            idIsGroup = false)
    public void onOutcomes(List<ConsumerRecord<String, SmsDlr>> records) {
        consume(records, dlr -> GatewayFact.of(dlr, zone));
    }

    private <T> void consume(List<ConsumerRecord<String, T>> records, Function<T, GatewayFact> toFact) {
        List<GatewayFact> facts = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, T> record = records.get(i);
            if (record.value() != null) {
                facts.add(toFact.apply(record.value()));
                continue;
            }
            store(facts, record.topic());
            DeserializationException cause = SerializationUtils.getExceptionFromHeader(record,
                    SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG);
            throw new BatchListenerFailedException("unreadable record at " + record.topic() + "-" + record.partition()
                    + "@" + record.offset(), new MalformedEvent(MalformedEvent.reasonOf(cause), cause), i);
        }
        store(facts, records.isEmpty() ? "" : records.getFirst().topic());
    }

    private void store(List<GatewayFact> facts, String topic) {
        if (facts.isEmpty()) {
            return;
        }
        try {
            tx.executeWithoutResult(s -> store.record(facts));
        } catch (DataIntegrityViolationException batchFailed) {
            storeOneByOne(facts, topic);
        } catch (RuntimeException failed) {
            // named from the poll's first record: the error handler tells an outage (waited out) from the rest
            throw new BatchListenerFailedException("storing " + facts.size() + " facts of " + topic + " failed", failed, 0);
        }
        meters.counter("billing.gateway.facts", "topic", topic).increment(facts.size());
    }

    /**
     * A fact the table refuses would fail its poll again on every retry and hold up the topic behind it: store the
     * poll's facts one by one, and dead-letter the first one refused (the facts before it are kept, the records
     * after it are delivered again).
     */
    private void storeOneByOne(List<GatewayFact> facts, String topic) {
        for (int i = 0; i < facts.size(); i++) {
            List<GatewayFact> one = List.of(facts.get(i));
            try {
                tx.executeWithoutResult(s -> store.record(one));
            } catch (DataIntegrityViolationException refused) {
                meters.counter("billing.gateway.facts", "topic", topic).increment(i);
                String why = "cannot be stored: " + firstLine(refused.getMostSpecificCause().getMessage());
                throw new BatchListenerFailedException(topic + " fact " + facts.get(i).factId() + " " + why,
                        new MalformedEvent(why, refused), i);
            }
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "constraint violated";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

}
