package io.mobim.platform.console;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The operator console, {@code mobim.console.*}.
 *
 * @param pageSize rows per page of the subscribers and rated records lists
 * @param trafficSampleInterval how often the traffic page's figures are read from the platform's meters
 * @param trafficSamples how many samples the traffic charts keep (their time span is this times the interval)
 * @param handsetMessages messages shown per virtual handset, the newest
 * @param reconciliationMaxAge how old a day's reconciliation shown may be before opening the page computes it again
 *                             (the older one is shown meanwhile)
 * @param mismatchIdsShown mismatching ids shown per kind on the reconciliation page (the CSV export has them all)
 */
@Validated
@ConfigurationProperties("mobim.console")
public record ConsoleSettings(
        @DefaultValue("50") @Min(1) @Max(500) int pageSize,
        @DefaultValue("5s") @NotNull Duration trafficSampleInterval,
        @DefaultValue("120") @Min(2) @Max(10_000) int trafficSamples,
        @DefaultValue("20") @Min(1) @Max(1_000) int handsetMessages,
        @DefaultValue("5m") @NotNull Duration reconciliationMaxAge,
        @DefaultValue("100") @Min(1) @Max(10_000) int mismatchIdsShown) {
}
