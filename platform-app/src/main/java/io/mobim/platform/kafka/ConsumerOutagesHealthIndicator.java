package io.mobim.platform.kafka;

import io.mobim.events.consumer.ConsumerOutages;
import java.util.Map;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * {@code kafkaConsumers}: OUT_OF_SERVICE while a consumer of this process is waiting out an outage (the database or
 * Kafka away), with each waiting listener, since when and the latest reason; UP otherwise. The records are kept and
 * retried: this says the stream is stalled, not that anything is lost.
 */
class ConsumerOutagesHealthIndicator extends AbstractHealthIndicator {

    private final ConsumerOutages outages;

    ConsumerOutagesHealthIndicator(ConsumerOutages outages) {
        super("Kafka consumers health check failed");
        this.outages = outages;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, ConsumerOutages.Waiting> waiting = outages.waiting();
        if (waiting.isEmpty()) {
            builder.up();
        } else {
            builder.outOfService().withDetail("waitingOutOutage", waiting);
        }
    }
}
