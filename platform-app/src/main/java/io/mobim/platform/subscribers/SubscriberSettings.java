package io.mobim.platform.subscribers;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
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
 * @param passwordKey the operator's secret that client passwords are encrypted with at rest (any string of high
 *                    entropy, e.g. 32 random bytes in Base64; env {@code MOBIM_SUBSCRIBERS_PASSWORD_KEY}, from a
 *                    Secret, the same for every replica). Without it (and without {@code passwordKeyFile}) passwords
 *                    are kept as a hash only and Wireless Village digest login is unavailable
 * @param passwordKeyFile where a generated key is kept when {@code passwordKey} is unset; unset, the all-in-one runtime
 *                        keeps it as {@code password-key} under the data root of its embedded services, and a process
 *                        without embedded services has no key
 */
@Validated
@ConfigurationProperties("mobim.subscribers")
public record SubscriberSettings(
        @DefaultValue("MOBIM") @NotBlank String homeOperator,
        @DefaultValue("44") @Pattern(regexp = "[1-9][0-9]{0,2}") String defaultCountryCode,
        @DefaultValue({"en", "fr"}) @NotEmpty List<String> locales,
        String passwordKey,
        Path passwordKeyFile) {

    public String defaultLocale() {
        return locales.getFirst();
    }
}
