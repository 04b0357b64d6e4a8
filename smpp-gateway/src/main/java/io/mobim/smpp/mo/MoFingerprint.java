package io.mobim.smpp.mo;

import io.mobim.events.Sha256;
import io.mobim.events.sms.SmsMo;
import io.mobim.smpp.codec.PartHeader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;

/**
 * What an MO's PDU says, hashed, so that an SMS-C's redelivery of the same MO (its deliver_sm_resp was lost, or
 * the gateway restarted before answering) can be recognised downstream: source, destination, data_coding, the
 * text octets (of the whole message when it came in parts), {@code user_message_reference}, the concatenation
 * reference and part count, and the SMS-C timestamp when the SMS-C puts one in {@code schedule_delivery_time}
 * (the specification leaves it empty on MO; some SMS-Cs fill it in). SHA-256, the first 16 bytes in base64url
 * without padding (22 characters), after a letter that says what the hash can tell: {@value #REFERENCED} when the
 * PDU carried something that differs between two sends of the same text (a message reference, a concatenation
 * reference, an SMS-C timestamp), so that the same fingerprint within a short window is a redelivery;
 * {@value #TEXT_ONLY} when it did not, and the same fingerprint may as well be the subscriber sending the same words
 * again (the IM core decides, {@code mobim.sms.redelivery-match}).
 */
final class MoFingerprint {

    private static final int BYTES = 16;
    /** The first letter of a fingerprint over references that tell two sends of one text apart. */
    static final String REFERENCED = SmsMo.REFERENCED_FINGERPRINT;
    /** The first letter of a fingerprint over the addresses and the text alone. */
    static final String TEXT_ONLY = "t";

    private MoFingerprint() {
    }

    static String of(DeliverSm d, String from, String to, byte dataCoding, byte[] octets, PartHeader header) {
        MessageDigest sha = Sha256.digest();
        field(sha, from.getBytes(StandardCharsets.US_ASCII));
        field(sha, to.getBytes(StandardCharsets.US_ASCII));
        field(sha, new byte[] {dataCoding});
        field(sha, octets);
        OptionalParameter umr = d.getOptionalParameter(OptionalParameter.Tag.USER_MESSAGE_REFERENCE);
        field(sha, umr == null ? new byte[0] : umr.serialize());
        field(sha, ByteBuffer.allocate(8).putInt(header.reference()).putInt(header.total()).array());
        String timestamp = d.getScheduleDeliveryTime();
        field(sha, timestamp == null ? new byte[0] : timestamp.getBytes(StandardCharsets.US_ASCII));
        boolean referenced = umr != null || header.total() > 1 || (timestamp != null && !timestamp.isEmpty());
        return (referenced ? REFERENCED : TEXT_ONLY) + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(sha.digest(), BYTES));
    }

    /** Length-prefixed, so that no two different field lists hash the same bytes. */
    private static void field(MessageDigest sha, byte[] value) {
        sha.update(ByteBuffer.allocate(4).putInt(value.length).array());
        sha.update(value);
    }
}
