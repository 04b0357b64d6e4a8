package io.mobim.platform.subscribers;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Subscriber defaults of this operator.
 *
 * @param homeOperator this operator's id (TADIG code or MCC-MNC) stamped on its own subscribers
 * @param defaultCountryCode country code for numbers typed in national form, {@code 07700...}
 * @param locales languages subscribers may choose; the first is the default
 */
@Validated
@ConfigurationProperties("mobim.subscribers")
public record SubscriberSettings(
        @DefaultValue("MOBIM") @NotBlank String homeOperator,
        @DefaultValue("44") @Pattern(regexp = "[1-9][0-9]{0,2}") String defaultCountryCode,
        @DefaultValue({"en", "fr"}) @NotEmpty List<String> locales) {

    public String defaultLocale() {
        return locales.getFirst();
    }
}
