package io.mobim.platform.sms;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The short-code SMS service.
 *
 * @param shortCode the number subscribers text, and the sender of every SMS the service sends
 * @param selfRegistration whether a number that is not provisioned may join by texting REG or START
 * @param selfRegistrationPlan the tariff plan of self-registered subscribers (unset: billing rejects their
 *                             events until the billing team assigns one)
 * @param inviteNonSubscribers whether adding a number that is not on the service texts it an invitation
 * @param replyValidity how long the SMS-C keeps trying a service reply
 * @param handledMoRetention how long the ids of handled MOs are kept to recognise a replay of {@code sms.mo.v1}
 *                           (the default is longer than the topic keeps records, 7 days unless your Kafka says
 *                           otherwise, so no replay can come after its id is gone); older ones are deleted hourly
 * @param redeliveryWindow how long an MO's fingerprint (what the SMS-C's PDU said: sender, text, message reference,
 *                         concatenation fields) is remembered: the same PDU again within it is the SMS-C redelivering an
 *                         MO it thinks we missed, and is neither handled nor charged again
 * @param redeliveryMatch which MOs are matched by fingerprint
 * @param moFetchWait how long the MO listener's fetch waits to fill ({@code spring.kafka.consumer.fetch-min-size})
 *                    before it returns what there is: most of a command's time below full load. A longer wait
 *                    makes fuller polls, one transaction for more commands, and costs the subscriber its length;
 *                    a much shorter one makes so many small transactions that their cost queues the commands
 *                    (docs/performance.md, "SMS commands end to end")
 */
@Validated
@ConfigurationProperties("mobim.sms")
public record SmsSettings(
        @DefaultValue("20123") @NotBlank String shortCode,
        @DefaultValue("true") boolean selfRegistration,
        String selfRegistrationPlan,
        @DefaultValue("true") boolean inviteNonSubscribers,
        @DefaultValue("1d") Duration replyValidity,
        @DefaultValue("14d") Duration handledMoRetention,
        @DefaultValue("10m") @NotNull Duration redeliveryWindow,
        @DefaultValue("REFERENCED") @NotNull RedeliveryMatch redeliveryMatch,
        @DefaultValue("20ms") @NotNull Duration moFetchWait) {
}
