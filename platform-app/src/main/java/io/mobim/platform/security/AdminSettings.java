package io.mobim.platform.security;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Credentials of the operator's administrators for the HTTP APIs (HTTP Basic over TLS in production).
 *
 * @param user the operator admin's user name; env {@code MOBIM_ADMIN_USER} (default {@code admin})
 * @param password the operator admin's password; env {@code MOBIM_ADMIN_PASSWORD}; when unset a random one is generated and printed once at startup
 * @param billingUser an optional user for the billing team (reads and runs billing only); env {@code MOBIM_ADMIN_BILLING_USER}
 * @param billingPassword that user's password; env {@code MOBIM_ADMIN_BILLING_PASSWORD}
 */
@Validated
@ConfigurationProperties("mobim.admin")
public record AdminSettings(
        @DefaultValue("admin") @NotBlank String user,
        String password,
        String billingUser,
        String billingPassword) {
}
