package io.mobim.events.sms;

import io.mobim.events.Msisdn;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What became of an MT: accepted by the SMS-C, delivered to (or failed at) the handset, expired before the
 * SMS-C took it, or rejected. Published on {@code sms.dlr.v1} keyed by {@link #to()}. One MT gets one
 * {@code ACCEPTED}, {@code REJECTED} or {@code EXPIRED}, and, when it asked for a receipt and was accepted,
 * later one {@code DELIVERED}, {@code FAILED} or {@code EXPIRED} from the receipt.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION}
 * @param requestId the {@link SmsMt#requestId()} this is about
 * @param to the recipient, E.164
 * @param status the outcome
 * @param smscMessageIds the SMS-C message ids of the submitted parts, in part order (empty if none was accepted)
 * @param errorCode the SMPP command_status (e.g. {@code 0x00000058}) or the receipt's {@code err:}; may be null
 * @param at when the gateway learnt it
 * @param service the {@link SmsMt#service()} marker echoed back; may be null
 */
public record SmsDlr(int schemaVersion, String requestId, String to, Status status, List<String> smscMessageIds,
                     String errorCode, Instant at, String service) {

    public static final int SCHEMA_VERSION = 1;

    /** The outcome of an MT. */
    public enum Status {
        /** Every part was accepted by the SMS-C (submit_sm_resp ESME_ROK). */
        ACCEPTED,
        /** The handset received it (receipt {@code DELIVRD} for every part). */
        DELIVERED,
        /** The SMS-C could not deliver it (receipt {@code UNDELIV}, {@code DELETED}, {@code UNKNOWN}). */
        FAILED,
        /** It expired: before the SMS-C accepted it (gateway) or in the network (receipt {@code EXPIRED}). */
        EXPIRED,
        /** The SMS-C refused it permanently (an error command_status or receipt {@code REJECTD}), or it cannot be encoded. */
        REJECTED
    }

    public SmsDlr {
        SmsAddresses.requireSchemaVersion(schemaVersion, SCHEMA_VERSION, "SmsDlr");
        SmsAddresses.requireText(requestId, "requestId", SmsAddresses.MAX_ID_LENGTH);
        SmsAddresses.requireE164(to, "to");
        Objects.requireNonNull(status, "status");
        smscMessageIds = smscMessageIds == null ? List.of() : List.copyOf(smscMessageIds);
        if (smscMessageIds.size() > 255) {
            throw new IllegalArgumentException("smscMessageIds has more than 255 parts: " + smscMessageIds.size());
        }
        for (String id : smscMessageIds) {
            SmsAddresses.requireText(id, "smscMessageIds[]", SmsAddresses.MAX_SMSC_MESSAGE_ID_LENGTH);
        }
        SmsAddresses.requireAtMost(errorCode, "errorCode", SmsAddresses.MAX_ERROR_CODE_LENGTH);
        Objects.requireNonNull(at, "at");
        SmsAddresses.requireAtMost(service, "service", SmsAddresses.MAX_NAME_LENGTH);
    }

    /** A receipt of the current schema version. */
    public static SmsDlr of(String requestId, String to, Status status, List<String> smscMessageIds, String errorCode,
                            Instant at, String service) {
        return new SmsDlr(SCHEMA_VERSION, requestId, to, status, smscMessageIds, errorCode, at, service);
    }

    @Override
    public String toString() {
        return "SmsDlr[requestId=" + requestId + ", to=" + Msisdn.mask(to) + ", status=" + status
                + ", smscMessageIds=" + smscMessageIds + ", errorCode=" + errorCode + ", at=" + at + "]";
    }
}
