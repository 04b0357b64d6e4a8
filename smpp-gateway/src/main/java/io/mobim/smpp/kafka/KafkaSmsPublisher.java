package io.mobim.smpp.kafka;

import io.mobim.events.Topics;
import io.mobim.events.sms.SmsDlr;
import io.mobim.events.sms.SmsMo;
import io.mobim.smpp.mo.MoSink;
import io.mobim.smpp.mt.DlrSink;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Writes MOs to {@code sms.mo.v1} (key: sender) and outcomes/receipts to {@code sms.dlr.v1} (key:
 * recipient) through an idempotent producer with acks=all; the futures complete when the broker has the
 * record, which is when the gateway acknowledges the SMS-C. Sent through the template's producer itself, with a
 * callback: the template's observation and future chain per record are code on every MO's path that this needs none of.
 */
public final class KafkaSmsPublisher implements MoSink, DlrSink {

    private final Producer<String, Object> producer;

    public KafkaSmsPublisher(KafkaTemplate<String, Object> template) {
        this.producer = template.getProducerFactory().createProducer();
    }

    @Override
    public CompletableFuture<?> publish(SmsMo mo) {
        return send(new ProducerRecord<>(Topics.SMS_MO, mo.from(), mo));
    }

    @Override
    public CompletableFuture<?> publish(SmsDlr dlr) {
        return send(new ProducerRecord<>(Topics.SMS_DLR, dlr.to(), dlr));
    }

    private CompletableFuture<RecordMetadata> send(ProducerRecord<String, Object> record) {
        CompletableFuture<RecordMetadata> written = new CompletableFuture<>();
        try {
            producer.send(record, (metadata, failure) -> {
                if (failure == null) {
                    written.complete(metadata);
                } else {
                    written.completeExceptionally(failure);
                }
            });
        } catch (RuntimeException e) {
            written.completeExceptionally(e); // not serializable, or Kafka away longer than max.block.ms
        }
        return written;
    }
}
