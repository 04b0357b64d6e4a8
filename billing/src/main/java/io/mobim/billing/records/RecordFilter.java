package io.mobim.billing.records;

import io.mobim.events.charging.ChargingKind;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Which current rated records of a business day to list: all of them, or those of one subscriber, one message
 * (both legs) or one kind of event.
 *
 * @param businessDay the business day (required: the records' partition key leads with it)
 * @param msisdn the charged subscriber, E.164, or null for every subscriber
 * @param messageId the platform's message id, or null
 * @param kind the kind of charging event, or null
 */
public record RecordFilter(LocalDate businessDay, String msisdn, String messageId, ChargingKind kind) {

    public RecordFilter {
        Objects.requireNonNull(businessDay, "businessDay");
        msisdn = blankToNull(msisdn);
        messageId = blankToNull(messageId);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
