package io.mobim.platform.subscribers.web;

import io.mobim.platform.subscribers.SubscriberChanges;
import io.mobim.platform.subscribers.SubscriberStatus;
import io.swagger.v3.oas.annotations.media.Schema;

/** A subscriber as the operator's CRM sends it. On PATCH, absent fields stay as they are. */
@Schema(description = "A subscriber as provisioned by the operator")
record SubscriberRequest(
        @Schema(description = "E.164 number; national numbers are read in the operator's country", example = "+447700900001")
        String msisdn,
        @Schema(description = "1..32 letters, digits, '.', '_' or '-'", example = "alice")
        String nickname,
        @Schema(description = "client password, 6..64 characters; stored only as a hash", example = "s3cret!")
        String password,
        @Schema(description = "language of service messages", example = "en")
        String locale,
        @Schema(description = "billing tariff plan id", example = "VODAFONE_UK")
        String tariffPlan,
        @Schema(description = "ACTIVE, SUSPENDED or BARRED", example = "ACTIVE")
        SubscriberStatus status,
        @Schema(description = "fall back to SMS when no client session is live", example = "true")
        Boolean smsFallback,
        @Schema(description = "accept messages from contacts only", example = "false")
        Boolean contactsOnly) {

    SubscriberChanges changes() {
        return new SubscriberChanges(nickname, password, locale, tariffPlan, status, smsFallback, contactsOnly);
    }
}
