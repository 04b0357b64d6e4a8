package io.mobim.platform.contacts;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Buddy-list limits.
 *
 * @param maxContacts contacts per subscriber (the default is MSN's forward-list cap)
 * @param maxLists named contact lists per subscriber, the default one included
 * @param defaultList name of the list every contact is on
 */
@Validated
@ConfigurationProperties("mobim.contacts")
public record ContactSettings(
        @DefaultValue("150") @Min(1) @Max(10_000) int maxContacts,
        @DefaultValue("10") @Min(1) @Max(100) int maxLists,
        @DefaultValue("default") String defaultList) {
}
