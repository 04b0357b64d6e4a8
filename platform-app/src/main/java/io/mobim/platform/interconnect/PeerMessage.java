package io.mobim.platform.interconnect;

import io.mobim.events.Msisdn;
import io.mobim.events.interop.InteropChannel;
import io.mobim.events.interop.InteropRecord;
import java.time.Instant;
import java.util.Objects;

/**
 * A message for a peer operator's subscriber, as {@code POST /s2s/v1/messages} carries it (JSON, these field names),
 * and as it waits on {@code interop.outbound.v1} for its peer. Checked on both sides: a message breaking these rules
 * is refused (422), never half-taken.
 *
 * @param messageId           the originating platform's id of the message: the key both sides' inter-operator records
 *                            share, and the receiver's dedupe key (with the originating operator)
 * @param originatingOperator the sender's operator
 * @param terminatingOperator the recipient's operator (the receiver)
 * @param sender              the sending subscriber, E.164
 * @param senderName          the sender's nickname, shown to a recipient who has no name for them (may be null)
 * @param recipient           the receiving subscriber, E.164
 * @param body                the text
 * @param channel             how the sender sent it
 * @param units               SMS segments for an SMS, 1 for a client message
 * @param sentAt              when the originating platform accepted it
 */
public record PeerMessage(String messageId, String originatingOperator, String terminatingOperator, String sender,
                          String senderName, String recipient, String body, InteropChannel channel, int units, Instant sentAt) {

    /** Longest text a peer may hand over (the longest a platform accepts from its own subscribers is shorter). */
    public static final int MAX_BODY = 10_000;
    public static final int MAX_SENDER_NAME = 64;

    public PeerMessage {
        Objects.requireNonNull(messageId, "messageId");
        if (messageId.isBlank() || messageId.length() > InteropRecord.MAX_MESSAGE_ID_LENGTH || messageId.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("messageId must be 1.." + InteropRecord.MAX_MESSAGE_ID_LENGTH + " characters, no control characters");
        }
        requireOperator(originatingOperator, "originatingOperator");
        requireOperator(terminatingOperator, "terminatingOperator");
        requireE164(sender, "sender");
        requireE164(recipient, "recipient");
        if (senderName != null && (senderName.length() > MAX_SENDER_NAME || senderName.chars().anyMatch(Character::isISOControl))) {
            throw new IllegalArgumentException("senderName must be at most " + MAX_SENDER_NAME + " characters, no control characters");
        }
        Objects.requireNonNull(body, "body");
        if (body.length() > MAX_BODY) {
            throw new IllegalArgumentException("body is longer than " + MAX_BODY + " characters");
        }
        Objects.requireNonNull(channel, "channel");
        if (units < 1 || units > InteropRecord.MAX_UNITS || channel == InteropChannel.CLIENT && units != 1) {
            throw new IllegalArgumentException("units must be 1.." + InteropRecord.MAX_UNITS + " for SMS, 1 for CLIENT");
        }
        Objects.requireNonNull(sentAt, "sentAt");
    }

    @Override
    public String toString() {
        // numbers masked, never the body: this ends up in logs
        return "PeerMessage[" + originatingOperator + "/" + messageId + " -> " + terminatingOperator + ", "
                + Msisdn.mask(sender) + " -> " + Msisdn.mask(recipient) + ", " + channel + " x" + units + "]";
    }

    private static void requireOperator(String value, String name) {
        if (value == null || !InteropRecord.OPERATOR_ID.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " is not an operator code (" + InteropRecord.OPERATOR_ID.pattern() + ")");
        }
    }

    private static void requireE164(String value, String name) {
        if (value == null || !Msisdn.isE164(value)) {
            throw new IllegalArgumentException(name + " is not E.164 (+[1-9][0-9]{6,14})");
        }
    }
}
