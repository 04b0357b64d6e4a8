package io.mobim.smpp.mt;

import io.mobim.events.sms.SmsDlr;
import java.util.concurrent.CompletableFuture;

/**
 * Where MT outcomes and delivery receipts go: {@code sms.dlr.v1} in the application
 * ({@code KafkaSmsPublisher}), a list in tests. The future completes when the record is durable
 * (acks=all) and fails when it could not be written.
 */
@FunctionalInterface
public interface DlrSink {

    CompletableFuture<?> publish(SmsDlr dlr);
}
