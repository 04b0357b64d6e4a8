package io.mobim.platform.ratingyield;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Billing's consumers standing aside for bursts of SMS commands, where billing runs in the SMS gateway's process
 * (the all-in-one). The backlog is the MOs the gateway has acknowledged to the SMS-C and the IM core has not yet
 * handled.
 *
 * @param enabled      let rating yield; off by default: paced at 1,000 commands/s it lengthened the tail of
 *                     deliver_sm to MT (docs/performance.md), though the backlog only passed the threshold at start
 * @param backlog      a backlog above this many MOs is a burst: billing's consumers pause
 * @param clearedBelow a backlog below this has cleared
 * @param settleFor    how long it stays cleared before they resume: the IM core takes MOs a poll at a time, so the
 *                     backlog dips between polls in the middle of a burst
 * @param maxDeferral  the longest they pause at a time; a backlog that outlasts it is overload, and rating then
 *                     runs beside the SMS path until the backlog has settled, so that it is never starved
 * @param checkEvery   how often the backlog is looked at
 */
@Validated
@ConfigurationProperties("mobim.rating-yield")
public record RatingYieldSettings(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("300") @Min(1) long backlog,
        @DefaultValue("50") @Min(0) long clearedBelow,
        @NotNull @DurationMax(minutes = 1) @DefaultValue("1s") Duration settleFor,
        @NotNull @DurationMin(seconds = 1) @DurationMax(hours = 1) @DefaultValue("30s") Duration maxDeferral,
        @NotNull @DurationMin(millis = 10) @DurationMax(seconds = 10) @DefaultValue("100ms") Duration checkEvery) {
}
