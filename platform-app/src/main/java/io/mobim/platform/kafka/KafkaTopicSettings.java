package io.mobim.platform.kafka;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How mobim's topics are created when they do not exist yet.
 *
 * @param partitions partitions per topic (default 6: room for six consumers of one group per topic)
 * @param replicationFactor replicas per partition; 0 uses the broker's default (default 0, which is 1 on the embedded broker)
 * @param healthTimeout how long the health check waits for the cluster to answer (default 5s)
 * @param listenerConcurrency consumer threads per listener of the IM core (sms.mo.v1, sms.dlr.v1); records of one key
 *                            stay in order on one thread; at most the topic's partition count is useful (default 2:
 *                            on 2 cores, 4 threads per listener cost a third more CPU per SMS command than 2; raise it with
 *                            the cores)
 * @param commitInterval how often those listeners commit the offsets of the records they have handled (default 1s).
 *                       An offset commit is a broker round trip and a write to {@code __consumer_offsets}; committing per
 *                       record cost more than handling it. A crash replays at most this much, which the handlers dedupe
 */
@Validated
@ConfigurationProperties("mobim.kafka")
public record KafkaTopicSettings(
        @DefaultValue("6") @Min(1) int partitions,
        @DefaultValue("0") @Min(0) short replicationFactor,
        @DefaultValue("5s") Duration healthTimeout,
        @DefaultValue("2") @Min(1) int listenerConcurrency,
        @DefaultValue("1s") @NotNull Duration commitInterval) {
}
