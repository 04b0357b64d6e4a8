package io.mobim.smpp.kafka;

import io.mobim.events.Topics;
import io.mobim.events.sms.SmsDlr;
import io.mobim.events.sms.SmsMo;
import io.mobim.smpp.mo.MoSink;
import io.mobim.smpp.mt.DlrSink;
import java.util.concurrent.CompletableFuture;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Writes MOs to {@code sms.mo.v1} (key: sender) and outcomes/receipts to {@code sms.dlr.v1} (key:
 * recipient) through an idempotent producer with acks=all; the futures complete when the broker has the
 * record, which is when the gateway acknowledges the SMS-C.
 */
public final class KafkaSmsPublisher implements MoSink, DlrSink {

    private final KafkaTemplate<String, Object> template;

    public KafkaSmsPublisher(KafkaTemplate<String, Object> template) {
        this.template = template;
    }

    @Override
    public CompletableFuture<?> publish(SmsMo mo) {
        return template.send(Topics.SMS_MO, mo.from(), mo);
    }

    @Override
    public CompletableFuture<?> publish(SmsDlr dlr) {
        return template.send(Topics.SMS_DLR, dlr.to(), dlr);
    }
}
