package io.mobim.clearing;

import io.mobim.events.consumer.ConsumerErrorPolicy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the clearing role ({@code mobim.clearing.*}).
 *
 * @param consumer the {@code interop.records.v1} consumer
 * @param ingest   what records are accepted, from Kafka and uploads alike
 * @param matching how records are matched
 * @param jobs     how instances tell that their long runs are alive
 */
@ConfigurationProperties("mobim.clearing")
@Validated
public record ClearingProperties(
        @Valid @NotNull @DefaultValue Consumer consumer,
        @Valid @NotNull @DefaultValue Ingest ingest,
        @Valid @NotNull @DefaultValue Matching matching,
        @Valid @NotNull @DefaultValue Jobs jobs) {

    /**
     * @param enabled              start the Kafka listener
     * @param groupId              consumer group
     * @param concurrency          listener threads (at most the partition count of interop.records.v1)
     * @param maxPollRecords       records per poll, stored in one transaction
     * @param retryInitialInterval the first wait after a failure
     * @param retryMaxInterval     longest wait between retries of a poll that failed because the database or Kafka is
     *                             away; such polls are retried until they succeed, never dead-lettered
     * @param unknownRetries       retries of a record that failed for another reason before it is dead-lettered
     */
    public record Consumer(
            @DefaultValue("true") boolean enabled,
            @NotBlank @DefaultValue("clearing") String groupId,
            @Min(1) @Max(64) @DefaultValue("1") int concurrency,
            @Min(1) @Max(50000) @DefaultValue("2000") int maxPollRecords,
            @NotNull @DurationMin(millis = 1) @DefaultValue("200ms") Duration retryInitialInterval,
            @NotNull @DurationMin(millis = 1) @DefaultValue("30s") Duration retryMaxInterval,
            @Min(0) @Max(100) @DefaultValue("4") int unknownRetries) {

        /** How this consumer retries, as {@link ConsumerErrorPolicy} takes it. */
        public ConsumerErrorPolicy.Retry retry() {
            return new ConsumerErrorPolicy.Retry(retryInitialInterval, retryMaxInterval, unknownRetries);
        }
    }

    /**
     * @param maxEventAge   a record with an event time older than this is refused (dead-lettered from Kafka, a rejected
     *                      line in an upload)
     * @param maxEventAhead likewise for an event time this far ahead of the clock
     * @param maxRejectionsReported rejected lines of an upload listed in the answer (all are counted)
     */
    public record Ingest(
            @NotNull @DurationMin(days = 1) @DurationMax(days = 3_650) @DefaultValue("400d") Duration maxEventAge,
            @NotNull @DurationMin(seconds = 1) @DurationMax(days = 365) @DefaultValue("1d") Duration maxEventAhead,
            @Min(1) @Max(100_000) @DefaultValue("1000") int maxRejectionsReported) {
    }

    /**
     * @param otherSideWait how long after its event time a message reported by one side only waits for the other side
     *                      before it becomes a dispute (ORIGINATING_ONLY or TERMINATING_ONLY)
     * @param interval      how often matching runs by itself; 0 runs it only on request
     * @param workMem       PostgreSQL {@code work_mem} of each partition of a matching run (its sort of the records)
     * @param workers       partitions of the message key a run merges side by side, each on a database connection of
     *                      its own (the pool needs this many more than the run's own); about the cores PostgreSQL has
     */
    public record Matching(
            @NotNull @DurationMin(seconds = 0) @DefaultValue("1h") Duration otherSideWait,
            @NotNull @DefaultValue("5m") Duration interval,
            @NotNull @Pattern(regexp = "[1-9][0-9]{0,6}(kB|MB|GB)") @DefaultValue("256MB") String workMem,
            @Min(1) @Max(16) @DefaultValue("2") int workers) {
    }

    /**
     * @param heartbeatInterval how often an instance marks its running jobs alive (and looks for jobs other instances lost)
     * @param orphanAfter       a running job whose heartbeat is this old lost its instance and is marked FAILED; longer
     *                          than the heartbeat interval, with room for a database hiccup or a long pause
     */
    public record Jobs(
            @NotNull @DurationMin(millis = 50) @DefaultValue("10s") Duration heartbeatInterval,
            @NotNull @DurationMin(seconds = 1) @DefaultValue("1m") Duration orphanAfter) {

        @AssertTrue(message = "orphan-after must be longer than heartbeat-interval")
        public boolean isOrphanAfterLongerThanHeartbeat() {
            return heartbeatInterval == null || orphanAfter == null || orphanAfter.compareTo(heartbeatInterval) > 0;
        }
    }
}
