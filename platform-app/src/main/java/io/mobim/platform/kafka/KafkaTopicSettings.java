package io.mobim.platform.kafka;

import io.mobim.events.consumer.ConsumerErrorPolicy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How mobim's topics are created when they do not exist yet, and how the platform's consumers behave.
 *
 * @param partitions partitions per topic (the default leaves room for six consumers of one group per topic)
 * @param replicationFactor replicas per partition; 0 uses the broker's default (1 on the embedded broker)
 * @param healthTimeout how long the health check, and the look at the existing topics at start, wait for the cluster to answer
 * @param listenerConcurrency consumer threads per listener of the IM core (sms.mo.v1, sms.dlr.v1, the interconnect);
 *                            records of one key stay in order on one thread; at most the topic's partition count is
 *                            useful. The default suits 2 cores: each thread takes its own polls, so more threads make
 *                            smaller transactions whose per-batch cost delays the commands behind them; raise it with
 *                            the cores (scaling out is by instances, each with its own consumers)
 * @param commitInterval how often the IM core's listeners commit the offsets of the records they have handled.
 *                       An offset commit is a broker round trip and a write to {@code __consumer_offsets}; committing per
 *                       record cost more than handling it. A crash replays at most this much, which the handlers dedupe
 * @param deadLetterRetention how long a dead-letter topic ({@code <topic>.dlt}) keeps its records ({@code retention.ms},
 *                            set on the topics at start, existing ones included). The default leaves time to see, fix and
 *                            replay (see docs/operations.md)
 * @param instanceId this instance's name in its consumer groups (static membership: {@code group.instance.id} =
 *                   {@code <instance-id>-<listener id>-<thread>} for every consumer of the process, IM, billing and
 *                   gateway). Must be stable across restarts and unique among running instances. Empty
 *                   means the host name ({@code HOSTNAME}, the pod name of a StatefulSet)
 * @param sessionTimeout how long a group waits for a stopped member to come back before giving its partitions to the
 *                       others (static members do not leave on stop). The default is Kafka's own: an instance back
 *                       within it under the same id takes its partitions back at once; one that does not come back
 *                       (a replaced pod of a Deployment, whose name changes) is no slower to replace than before
 * @param retry how the IM core's and billing's consumers retry a record they failed to handle
 * @param clientMetricsRefresh how often the consumers' Kafka client metrics (published to Micrometer, consumer lag
 *                             among them) are looked for new meters: a partition's lag is known once it is first
 *                             fetched, so a new assignment shows within this time
 */
@Validated
@ConfigurationProperties("mobim.kafka")
public record KafkaTopicSettings(
        @DefaultValue("6") @Min(1) int partitions,
        @DefaultValue("0") @Min(0) short replicationFactor,
        @DefaultValue("5s") Duration healthTimeout,
        @DefaultValue("1") @Min(1) int listenerConcurrency,
        @DefaultValue("1s") @NotNull Duration commitInterval,
        @DefaultValue("14d") @NotNull Duration deadLetterRetention,
        @DefaultValue("") @Size(max = 180) @Pattern(regexp = "[a-zA-Z0-9._-]*") String instanceId,
        @DefaultValue("45s") @NotNull Duration sessionTimeout,
        @DefaultValue @Valid @NotNull Retry retry,
        @DefaultValue("10s") @NotNull Duration clientMetricsRefresh) {

    /**
     * @param initialInterval the first wait after a failure
     * @param maxInterval the longest wait between attempts while waiting out an outage (database or Kafka away): the
     *                    waits double up to it, and the record is retried until it can be handled, never dead-lettered
     * @param unknownRetries retries of a record that failed for a reason that is neither an outage nor permanent (a
     *                       constraint, a bug) before it goes to its dead-letter topic; a permanent failure
     *                       (unreadable, malformed, data the database refuses) goes there at once
     */
    public record Retry(
            @DefaultValue("200ms") @NotNull Duration initialInterval,
            @DefaultValue("30s") @NotNull Duration maxInterval,
            @DefaultValue("4") @Min(0) @Max(100) int unknownRetries) {

        public ConsumerErrorPolicy.Retry policy() {
            return new ConsumerErrorPolicy.Retry(initialInterval, maxInterval, unknownRetries);
        }
    }
}
