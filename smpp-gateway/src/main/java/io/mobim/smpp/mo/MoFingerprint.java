package io.mobim.smpp.mo;

import io.mobim.smpp.codec.PartHeader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
 * without padding (22 characters). Two MOs with the same fingerprint are the same text from the same handset
 * with the same references: within a short window, a redelivery.
 */
final class MoFingerprint {

    private static final int BYTES = 16;

    private MoFingerprint() {
    }

    static String of(DeliverSm d, String from, String to, byte dataCoding, byte[] octets, PartHeader header) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        field(sha, from.getBytes(StandardCharsets.US_ASCII));
        field(sha, to.getBytes(StandardCharsets.US_ASCII));
        field(sha, new byte[] {dataCoding});
        field(sha, octets);
        OptionalParameter umr = d.getOptionalParameter(OptionalParameter.Tag.USER_MESSAGE_REFERENCE);
        field(sha, umr == null ? new byte[0] : umr.serialize());
        field(sha, ByteBuffer.allocate(8).putInt(header.reference()).putInt(header.total()).array());
        String timestamp = d.getScheduleDeliveryTime();
        field(sha, timestamp == null ? new byte[0] : timestamp.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(sha.digest(), BYTES));
    }

    /** Length-prefixed, so that no two different field lists hash the same bytes. */
    private static void field(MessageDigest sha, byte[] value) {
        sha.update(ByteBuffer.allocate(4).putInt(value.length).array());
        sha.update(value);
    }
}
