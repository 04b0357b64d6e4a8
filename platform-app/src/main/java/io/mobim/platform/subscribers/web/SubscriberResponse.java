package io.mobim.platform.subscribers.web;

import io.mobim.platform.subscribers.Subscriber;
import io.mobim.platform.subscribers.SubscriberStatus;
import java.time.Instant;

/** A subscriber as the API shows it: never the password or its hash. */
record SubscriberResponse(String msisdn, String nickname, String locale, String tariffPlan, SubscriberStatus status,
                          String homeOperator, boolean hasPassword, boolean smsFallback, boolean contactsOnly,
                          boolean smsOptedOut, Instant createdAt, Instant updatedAt) {

    static SubscriberResponse of(Subscriber s) {
        return new SubscriberResponse(s.msisdn().value(), s.nickname(), s.locale().toLanguageTag(), s.tariffPlan(), s.status(),
                s.homeOperator(), s.hasPassword(), s.smsFallback(), s.contactsOnly(), s.smsOptedOut(), s.createdAt(), s.updatedAt());
    }
}
