package io.mobim.billing.reconciliation;

import io.mobim.events.sms.SmsMt;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the daily reconciliation takes its independent sources from ({@code mobim.billing.reconciliation.*}).
 *
 * @param gateway    billing's own consumer of the SMS gateway's output
 * @param messageLog the IM core's message log extract, fetched over HTTP
 */
@ConfigurationProperties("mobim.billing.reconciliation")
@Validated
public record ReconciliationProperties(
        @Valid @NotNull @DefaultValue Gateway gateway,
        @Valid @NotNull @DefaultValue MessageLog messageLog) {

    /**
     * @param enabled             consume {@code sms.mo.v1} and {@code sms.dlr.v1} into {@code billing.gateway_fact}
     *                            (needs {@code mobim.billing.consumer.enabled}); when off, the
     *                            report derives the gateway view from the charging events and says so
     * @param groupId             consumer group, separate from the IM core's
     * @param chargeableServices  MT service markers whose delivery the platform charges (an MT delivered with one of
     *                            them but never rated is a mismatch)
     * @param retention           how long billing keeps its record of the gateway's output, counted from each
     *                            record's business day; then {@code GatewayFactRetention} deletes it. A report of an
     *                            older day derives the gateway view from the charging events and says so. The
     *                            default keeps last year's periods reconcilable, as charging events are accepted
     *                            for 400 days ({@code mobim.billing.consumer.max-event-age})
     */
    public record Gateway(
            @DefaultValue("true") boolean enabled,
            @NotBlank @DefaultValue("billing-gateway") String groupId,
            @NotNull @DefaultValue(SmsMt.IM_MESSAGE) Set<String> chargeableServices,
            @NotNull @DurationMin(days = 3) @DurationMax(days = 36_500) @DefaultValue("400d") Duration retention) {

        /** The first business day whose facts are kept on {@code today}. */
        public LocalDate firstKeptDay(LocalDate today) {
            return today.minusDays(retention.toDays());
        }
    }

    /**
     * @param url          the IM core's extract endpoint, e.g. {@code https://mobim-im:8443/api/v1/messages/log};
     *                     billing asks {@code <url>/<day>?zone=<business zone>} with HTTP Basic credentials, so use
     *                     https across a network
     * @param localServer  ask this process's own HTTP server instead (the IM role runs in the same process). The
     *                     all-in-one runtime turns it on when the {@code im} role is active
     * @param username     HTTP Basic user with read access to the extract (the billing team's); mobim sets it to
     *                     {@code mobim.admin.billing-user}. Unset with {@code localServer}: billing reads as a user the
     *                     process makes up at each start
     * @param password     its password; mobim sets it to {@code mobim.admin.billing-password}
     * @param timeout      connect and read timeout of the fetch
     * @param sslBundle    the Spring Boot SSL bundle ({@code spring.ssl.bundle.*}) whose trust store verifies an
     *                     https {@code url} (an operator's own CA); unset trusts the JVM's CAs
     */
    public record MessageLog(
            URI url,
            @DefaultValue("false") boolean localServer,
            String username,
            String password,
            @NotNull @DefaultValue("30s") Duration timeout,
            String sslBundle) {

        /** Whether a source is configured at all. */
        public boolean configured() {
            return url != null || localServer;
        }

        /** Whether credentials are set (blank counts as unset: the all-in-one default refers to optional settings). */
        public boolean hasCredentials() {
            return username != null && !username.isBlank() && password != null && !password.isBlank();
        }
    }
}
