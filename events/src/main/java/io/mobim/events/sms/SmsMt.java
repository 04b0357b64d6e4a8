package io.mobim.events.sms;

import io.mobim.events.Msisdn;
import java.time.Instant;
import java.util.Objects;

/**
 * A mobile-terminated SMS to send. Published on {@code sms.mt.v1} keyed by {@link #to()}; the gateway
 * submits it until the SMS-C accepts it or it expires, at most once per {@link #requestId()}, and reports
 * the outcome on {@code sms.dlr.v1}.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION}
 * @param requestId idempotency key chosen by the producer: the same id is never sent twice
 * @param from the sender shown on the handset: a short code (usual), an E.164 number or an alphanumeric id
 * @param to the recipient subscriber, E.164
 * @param text the text; the gateway chooses GSM 7-bit or UCS-2 and splits it (never logged)
 * @param expiresAt after this instant the gateway gives up and reports {@link SmsDlr.Status#EXPIRED}
 * @param receiptWanted whether a handset delivery receipt is requested from the SMS-C
 * @param service an optional service/charging marker the producer wants echoed back (e.g. {@code im.reply}); may be null
 */
public record SmsMt(int schemaVersion, String requestId, String from, String to, String text, Instant expiresAt,
                    boolean receiptWanted, String service) {

    public static final int SCHEMA_VERSION = 1;
    /** Longest accepted text in UTF-16 units; the gateway caps the number of parts further. */
    public static final int MAX_TEXT_LENGTH = 2_000;

    public SmsMt {
        SmsAddresses.requireSchemaVersion(schemaVersion, SCHEMA_VERSION, "SmsMt");
        SmsAddresses.requireText(requestId, "requestId", SmsAddresses.MAX_ID_LENGTH);
        SmsAddresses.requireSender(from, "from");
        SmsAddresses.requireE164(to, "to");
        Objects.requireNonNull(text, "text");
        if (text.isEmpty() || text.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("text must have 1.." + MAX_TEXT_LENGTH + " characters: " + text.length());
        }
        Objects.requireNonNull(expiresAt, "expiresAt");
        SmsAddresses.requireAtMost(service, "service", SmsAddresses.MAX_NAME_LENGTH);
    }

    /** An MT of the current schema version. */
    public static SmsMt of(String requestId, String from, String to, String text, Instant expiresAt,
                           boolean receiptWanted, String service) {
        return new SmsMt(SCHEMA_VERSION, requestId, from, to, text, expiresAt, receiptWanted, service);
    }

    @Override
    public String toString() {
        return "SmsMt[requestId=" + requestId + ", from=" + from + ", to=" + Msisdn.mask(to) + ", chars="
                + text.length() + ", expiresAt=" + expiresAt + ", receiptWanted=" + receiptWanted + ", service=" + service + "]";
    }
}
