package io.mobim.platform.deadletters;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The dead-letter admin API ({@code mobim.dead-letters.*}). The topics' retention is {@code mobim.kafka.dead-letter-retention}.
 *
 * @param maxReplay the most records one replay request puts back; a bigger range is replayed in
 *                  several requests, each answer saying where the next one starts
 * @param timeout how long a request waits for the broker: to read a dead-letter topic, and for the replayed records
 *                to be acknowledged
 */
@Validated
@ConfigurationProperties("mobim.dead-letters")
public record DeadLetterSettings(
        @DefaultValue("10000") @Min(1) @Max(1_000_000) int maxReplay,
        @DefaultValue("30s") @NotNull @DurationMin(seconds = 1) @DurationMax(minutes = 10) Duration timeout) {
}
