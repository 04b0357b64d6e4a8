package io.mobim.events.sms;

import io.mobim.events.Msisdn;
import java.time.Instant;
import java.util.Objects;

/**
 * A mobile-originated SMS as the gateway received it from the SMS-C, reassembled when it came in several
 * parts. Published on {@code sms.mo.v1}, keyed by {@link #from()}, before the SMS-C is acknowledged.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION}
 * @param id unique id of this MO, chosen by the gateway; consumers dedupe by it
 * @param from the subscriber who sent it, E.164
 * @param to the short code it was sent to
 * @param text the decoded text (never logged)
 * @param receivedAt when the gateway received the last part
 * @param smscId the configured id of the SMS-C link it came through
 * @param segments how many SMS parts it was made of (1 for a single SMS)
 * @param smscMessageId the SMS-C's message id of the (first) part, if it gave one; may be null
 * @param fingerprint what the SMS-C's PDU(s) said, hashed (source, destination, data_coding, text octets,
 *                    user_message_reference, concatenation reference, SMS-C timestamp): the same for a redelivery
 *                    of the same MO, so a consumer can drop it within a window; it starts with
 *                    {@value #REFERENCED_FINGERPRINT} when the PDU carried a reference that differs between two sends
 *                    of one text (then the same fingerprint is the same SMS); null in records written before it
 *                    existed and for MOs not from an SMS-C
 */
public record SmsMo(int schemaVersion, String id, String from, String to, String text, Instant receivedAt,
                    String smscId, int segments, String smscMessageId, String fingerprint) {

    public static final int SCHEMA_VERSION = 1;
    /** The first letter of a fingerprint over references that tell two sends of one text apart. */
    public static final String REFERENCED_FINGERPRINT = "r";
    /** Longest fingerprint accepted. */
    public static final int MAX_FINGERPRINT_LENGTH = 64;

    public SmsMo {
        SmsAddresses.requireSchemaVersion(schemaVersion, SCHEMA_VERSION, "SmsMo");
        SmsAddresses.requireText(id, "id", SmsAddresses.MAX_ID_LENGTH);
        SmsAddresses.requireE164(from, "from");
        SmsAddresses.requireShortCode(to, "to");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(receivedAt, "receivedAt");
        SmsAddresses.requireText(smscId, "smscId", SmsAddresses.MAX_NAME_LENGTH);
        SmsAddresses.requireAtMost(smscMessageId, "smscMessageId", SmsAddresses.MAX_SMSC_MESSAGE_ID_LENGTH);
        SmsAddresses.requireAtMost(fingerprint, "fingerprint", MAX_FINGERPRINT_LENGTH);
        if (segments < 1 || segments > 255) {
            throw new IllegalArgumentException("segments must be 1..255: " + segments);
        }
    }

    /** An MO without a fingerprint (as records written before it existed read). */
    public SmsMo(int schemaVersion, String id, String from, String to, String text, Instant receivedAt, String smscId,
                 int segments, String smscMessageId) {
        this(schemaVersion, id, from, to, text, receivedAt, smscId, segments, smscMessageId, null);
    }

    /** An MO of the current schema version, without a fingerprint. */
    public static SmsMo of(String id, String from, String to, String text, Instant receivedAt, String smscId,
                           int segments, String smscMessageId) {
        return of(id, from, to, text, receivedAt, smscId, segments, smscMessageId, null);
    }

    /** An MO of the current schema version. */
    public static SmsMo of(String id, String from, String to, String text, Instant receivedAt, String smscId,
                           int segments, String smscMessageId, String fingerprint) {
        return new SmsMo(SCHEMA_VERSION, id, from, to, text, receivedAt, smscId, segments, smscMessageId, fingerprint);
    }

    @Override
    public String toString() {
        // the body is never printed and the number is masked: records end up in logs
        return "SmsMo[id=" + id + ", from=" + Msisdn.mask(from) + ", to=" + to + ", chars=" + text.length()
                + ", segments=" + segments + ", smscId=" + smscId + ", receivedAt=" + receivedAt + "]";
    }
}
