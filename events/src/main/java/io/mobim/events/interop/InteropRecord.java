package io.mobim.events.interop;

import io.mobim.events.Msisdn;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One side's report of one message exchanged between two operators, published on {@code interop.records.v1} by each
 * operator's IM core (through its outbox) and settled by the clearing house. Both operators report the same message,
 * the originating one as {@link InteropSide#ORIGINATING} and the terminating one as {@link InteropSide#TERMINATING};
 * the two meet on {@link #matchKey()}: the originating operator and the message id it gave the message, which the
 * terminating platform receives with the message over the server-to-server interface and reports unchanged.
 *
 * <p>Rules (checked here, so that a record breaking them is unreadable for every consumer and dead-lettered):
 * {@code schemaVersion} 1..{@link #SCHEMA_VERSION}; {@code recordId} present (the producer mints it once, stable
 * across retries: the dedupe key); operators are {@link #OPERATOR_ID} codes and differ; {@code messageId} 1..128
 * characters without control characters; sender and recipient E.164 ({@link Msisdn}); {@code units} 1..255 (SMS
 * segments; 1 for a client message).
 *
 * @param schemaVersion        version of this contract the producer wrote
 * @param recordId             producer-minted id of this side's record: the dedupe key
 * @param side                 which operator reports it
 * @param originatingOperator  the sender's operator (TADIG or MCC-MNC code)
 * @param terminatingOperator  the recipient's operator
 * @param messageId            the originating platform's id of the message
 * @param sender               the sending subscriber, E.164
 * @param recipient            the receiving subscriber, E.164
 * @param eventTime            when the reporting platform handed the message on (originating) or received it
 *                             (terminating); the clearing house settles by it
 * @param channel              how the message reached the reporting platform
 * @param units                chargeable units: SMS segments, or 1 for a client message
 */
public record InteropRecord(
        int schemaVersion,
        UUID recordId,
        InteropSide side,
        String originatingOperator,
        String terminatingOperator,
        String messageId,
        String sender,
        String recipient,
        Instant eventTime,
        InteropChannel channel,
        int units) {

    /** The contract version this code writes and the newest it reads. */
    public static final int SCHEMA_VERSION = 1;
    /** An operator's code: a TADIG code ({@code GBRVF}) or an MCC-MNC ({@code 234-15}), upper case, 3 to 16 characters. */
    public static final Pattern OPERATOR_ID = Pattern.compile("[A-Z0-9][A-Z0-9-]{2,15}");
    /** Longest message id. */
    public static final int MAX_MESSAGE_ID_LENGTH = 128;
    /** Most units in one record (the SMS concatenation limit). */
    public static final int MAX_UNITS = 255;

    public InteropRecord {
        if (schemaVersion < 1 || schemaVersion > SCHEMA_VERSION) {
            throw new IllegalArgumentException("unsupported schemaVersion " + schemaVersion + " (reads 1.." + SCHEMA_VERSION + ")");
        }
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(side, "side");
        requireOperator(originatingOperator, "originatingOperator");
        requireOperator(terminatingOperator, "terminatingOperator");
        if (originatingOperator.equals(terminatingOperator)) {
            throw new IllegalArgumentException("originatingOperator and terminatingOperator are the same: " + originatingOperator);
        }
        Objects.requireNonNull(messageId, "messageId");
        if (messageId.isBlank() || messageId.length() > MAX_MESSAGE_ID_LENGTH || messageId.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("messageId must be 1.." + MAX_MESSAGE_ID_LENGTH + " characters, not blank, no control characters");
        }
        requireE164(sender, "sender");
        requireE164(recipient, "recipient");
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(channel, "channel");
        if (units < 1 || units > MAX_UNITS) {
            throw new IllegalArgumentException("units must be 1.." + MAX_UNITS + ": " + units);
        }
        if (channel == InteropChannel.CLIENT && units != 1) {
            throw new IllegalArgumentException("a CLIENT message is 1 unit: " + units);
        }
    }

    /** A record of the current schema version. */
    public static InteropRecord of(UUID recordId, InteropSide side, String originatingOperator, String terminatingOperator,
            String messageId, String sender, String recipient, Instant eventTime, InteropChannel channel, int units) {
        return new InteropRecord(SCHEMA_VERSION, recordId, side, originatingOperator, terminatingOperator, messageId, sender,
                recipient, eventTime, channel, units);
    }

    /** The Kafka key: the operator pair, originating first ({@code GBRVF>FRAF1}), as the design's topic table says. */
    public String key() {
        return originatingOperator + ">" + terminatingOperator;
    }

    /** What the two sides of one message share: the originating operator and its message id. */
    public String matchKey() {
        return originatingOperator + "/" + messageId;
    }

    /** The operator that reported this record. */
    public String reportingOperator() {
        return side == InteropSide.ORIGINATING ? originatingOperator : terminatingOperator;
    }

    @Override
    public String toString() {
        // records end up in logs: numbers are masked
        return "InteropRecord[" + recordId + ", " + side + " " + key() + ", messageId=" + messageId + ", "
                + Msisdn.mask(sender) + " -> " + Msisdn.mask(recipient) + ", at=" + eventTime + ", " + channel + " x" + units + "]";
    }

    private static void requireOperator(String value, String name) {
        Objects.requireNonNull(value, name);
        if (!OPERATOR_ID.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " is not an operator code (" + OPERATOR_ID.pattern() + "): '"
                    + (value.length() > 24 ? value.substring(0, 24) + "..." : value) + "'");
        }
    }

    private static void requireE164(String value, String name) {
        Objects.requireNonNull(value, name);
        if (!Msisdn.isE164(value)) {
            throw new IllegalArgumentException(name + " is not E.164 (+[1-9][0-9]{6,14})");
        }
    }
}
