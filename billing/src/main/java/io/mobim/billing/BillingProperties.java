package io.mobim.billing;

import io.mobim.events.consumer.ConsumerErrorPolicy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.ZoneId;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the billing role ({@code mobim.billing.*}).
 *
 * @param businessZone the time zone of business days and billing periods (daily fees, allowances, reconciliation
 *                     days, {@code YYYY-MM} periods); set it to the operator's zone,
 *                     e.g. {@code Europe/London}, before the first event is rated: changing it later moves
 *                     events near midnight to another day
 * @param seedPlans    load the shipped tariff plans (VODAFONE_UK, ORANGE_UK, ORANGE_FR_CHAT, BOUYGUES_FR, O2_DE)
 *                     into the catalogue on first use if absent
 * @param planRefresh  how often the tariff catalogue is read again, so that a plan version added through another
 *                     billing node is used here too. Add versions ahead of their activation
 * @param consumer     the {@code charging.v1} consumer
 * @param accountCacheSize subscribers whose plan rows rating keeps in memory between batches (read again only
 *                     after a change to {@code billing.account}; a few hundred bytes each); 0 reads
 *                     them from the table in every batch
 * @param usageCounterCacheSize subscribers whose usage counters (allowances used, daily fees charged) rating keeps
 *                     in memory between batches, for the periods it last rated them in (read again after any change
 *                     that lowers or removes a counter, such as a re-rating; a few hundred bytes each);
 *                     0 reads them from the table in every batch
 * @param partitions   the rated records' monthly partitions
 */
@ConfigurationProperties("mobim.billing")
@Validated
public record BillingProperties(
        @NotNull @DefaultValue("UTC") ZoneId businessZone,
        @DefaultValue("true") boolean seedPlans,
        @NotNull @DefaultValue("30s") Duration planRefresh,
        @Valid @NotNull @DefaultValue Consumer consumer,
        @Min(0) @DefaultValue("200000") int accountCacheSize,
        @Min(0) @DefaultValue("200000") int usageCounterCacheSize,
        @Valid @NotNull @DefaultValue Partitions partitions) {

    /**
     * The monthly partitions of {@code billing.rated_record} (one per billing period, {@code rated_record_YYYY_MM}).
     *
     * @param monthsAhead months after the current one (in the business zone) whose partitions are created ahead of
     *                    time, at start and every hour. Whatever the setting, rating creates the partition
     *                    of a month it has none for before writing into it, and the default partition takes any
     *                    record written otherwise (by hand, or by re-rating or recycling a month without one)
     */
    public record Partitions(@Min(0) @Max(120) @DefaultValue("2") int monthsAhead) {
    }

    /**
     * @param enabled          start the Kafka listener; false in tests without Kafka
     * @param groupId          consumer group
     * @param concurrency      listener threads (at most the partition count of charging.v1)
     * @param maxPollRecords   events per poll, rated and committed in one database transaction. The
     *                         consumer's {@code max.partition.fetch.bytes} follows (max(1 MiB, this x 1 KiB)) so that
     *                         one fetch fills a poll, unless {@code spring.kafka.consumer.properties} sets it
     * @param retryMaxInterval longest back-off between retries of a poll that failed because the database or Kafka is
     *                         away; such polls are retried until they succeed, never dead-lettered
     * @param retryInitialInterval the first wait after a failure
     * @param unknownRetries   retries of an event whose rating failed for a reason that is neither an outage nor
     *                         permanent, before it goes to {@code charging.v1.dlt} with the reason
     * @param maxEventAge      an event older than this (event time against the clock) is not rated: it goes to
     *                         {@code charging.v1.dlt} at once with the reason, and the events behind it are rated.
     *                         The default keeps last year's periods correctable; beyond, an event time is a
     *                         producer's error, and PostgreSQL has no partition for a time years away)
     * @param maxEventAhead    likewise for an event time this far ahead of the clock (a producer's clock that is
     *                         wrong). Such an event can be replayed from the dead-letter topic once its
     *                         time has come or the window has been widened
     * @param fetchWait        how long a fetch of billing's consumers (charging events and the gateway's facts) waits
     *                         to fill: billing is off every subscriber's path, so it takes fuller polls, each one
     *                         transaction and one broker request, instead of a poll every few commands
     */
    public record Consumer(
            @DefaultValue("true") boolean enabled,
            @NotBlank @DefaultValue("billing") String groupId,
            @Min(1) @Max(64) @DefaultValue("1") int concurrency,
            @Min(1) @Max(50000) @DefaultValue("2000") int maxPollRecords,
            @NotNull @DurationMin(millis = 1) @DefaultValue("30s") Duration retryMaxInterval,
            @NotNull @DurationMin(millis = 1) @DefaultValue("200ms") Duration retryInitialInterval,
            @Min(0) @Max(100) @DefaultValue("4") int unknownRetries,
            @NotNull @DurationMin(days = 1) @DurationMax(days = 36_500) @DefaultValue("400d") Duration maxEventAge,
            @NotNull @DurationMin(seconds = 1) @DurationMax(days = 3_650) @DefaultValue("1d") Duration maxEventAhead,
            @NotNull @DurationMin(millis = 1) @DurationMax(seconds = 10) @DefaultValue("500ms") Duration fetchWait) {

        /** How this consumer retries, as {@link ConsumerErrorPolicy} takes it. */
        public ConsumerErrorPolicy.Retry retry() {
            return new ConsumerErrorPolicy.Retry(retryInitialInterval, retryMaxInterval, unknownRetries);
        }
    }
}
