package io.mobim.smpp.mo;

import io.mobim.events.sms.SmsMo;
import java.util.concurrent.CompletableFuture;

/**
 * Where MOs go: {@code sms.mo.v1} in the application ({@code KafkaSmsPublisher}), a list in tests. The
 * future completes when the record is durable (acks=all); only then is the SMS-C acknowledged.
 */
@FunctionalInterface
public interface MoSink {

    CompletableFuture<?> publish(SmsMo mo);
}
