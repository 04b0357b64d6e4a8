package io.mobim.smpp.kafka;

import io.mobim.smpp.config.SmppProperties;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The gateway's own Kafka producers, held in one bean rather than exposed as {@code KafkaTemplate} beans,
 * so that they never compete with the application's {@code KafkaTemplate} for injection by type.
 */
public final class SmppKafkaClients implements DisposableBean {

    private final KafkaTemplate<String, Object> events;
    private final KafkaTemplate<Object, Object> deadLetters;

    public SmppKafkaClients(KafkaProperties kafka, SmppProperties smpp) {
        this.events = SmppKafkaConfiguration.eventTemplate(kafka, smpp.kafka(), smpp.mo().ackTimeout());
        this.deadLetters = SmppKafkaConfiguration.rawTemplate(kafka, smpp.kafka());
    }

    /** Idempotent JSON producer for {@code sms.mo.v1} and {@code sms.dlr.v1} (and dead letters of readable records). */
    public KafkaTemplate<String, Object> events() {
        return events;
    }

    /** Byte producer for dead letters whose value could not be read. */
    public KafkaTemplate<Object, Object> deadLetters() {
        return deadLetters;
    }

    @Override
    public void destroy() {
        events.destroy();
        deadLetters.destroy();
    }
}
