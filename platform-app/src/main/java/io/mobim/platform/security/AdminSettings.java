package io.mobim.platform.security;

import jakarta.validation.constraints.NotBlank;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Credentials of the HTTP APIs' users (HTTP Basic over TLS in production). A password that is set must not be empty
 * nor longer than {@link Passwords#MAX_BYTES} bytes; the start is refused otherwise.
 *
 * @param user the operator admin's user name; env {@code MOBIM_ADMIN_USER}
 * @param password the operator admin's password; env {@code MOBIM_ADMIN_PASSWORD}. Required in a deployment (every
 *                 replica must share it: the Helm chart takes it from a Secret); when unset in the all-in-one runtime,
 *                 one is generated once and kept in {@code passwordFile}
 * @param passwordFile where a generated admin password is kept, owner-only (0600), and read again at the next start;
 *                     the all-in-one runtime sets it to {@code admin-password} under its data directory; unset elsewhere
 * @param billingUser an optional user for the billing team (reads and runs billing only); env {@code MOBIM_ADMIN_BILLING_USER}
 * @param billingPassword that user's password, required with it; env {@code MOBIM_ADMIN_BILLING_PASSWORD}
 * @param clearingUser an optional user for the clearing house's team (its API only); env {@code MOBIM_ADMIN_CLEARING_USER}
 * @param clearingPassword that user's password, required with it; env {@code MOBIM_ADMIN_CLEARING_PASSWORD}
 * @param metricsUser an optional user that may read {@code /actuator/prometheus} and nothing else (a scraper);
 *                    env {@code MOBIM_ADMIN_METRICS_USER}
 * @param metricsPassword that user's password, required with it; env {@code MOBIM_ADMIN_METRICS_PASSWORD}
 */
@Validated
@ConfigurationProperties("mobim.admin")
public record AdminSettings(
        @DefaultValue("admin") @NotBlank String user,
        String password,
        Path passwordFile,
        String billingUser,
        String billingPassword,
        String clearingUser,
        String clearingPassword,
        String metricsUser,
        String metricsPassword) {
}
