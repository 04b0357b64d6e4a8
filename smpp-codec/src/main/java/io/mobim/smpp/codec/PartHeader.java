package io.mobim.smpp.codec;

import java.util.Arrays;
import org.jsmpp.bean.MessageRequest;
import org.jsmpp.bean.OptionalParameter;

/**
 * Where one short message sits in a concatenated message, read from its user data header or, failing that, its
 * {@code sar_} parameters, and its user data without the header. A message that is not concatenated is part 1 of 1
 * with reference 0.
 */
public record PartHeader(int reference, int total, int seq, byte[] payload) {

    /**
     * Reads {@code pdu} (a deliver_sm or a submit_sm) whose short message, or message payload, is {@code sm}.
     *
     * @throws IllegalArgumentException if the user data header is malformed
     */
    public static PartHeader of(MessageRequest pdu, byte[] sm) {
        if (pdu.isUdhi()) {
            UserDataHeader udh = UserDataHeader.parse(sm);
            byte[] payload = Arrays.copyOfRange(sm, udh.headerLength(), sm.length);
            return udh.concatenated() ? new PartHeader(udh.reference(), udh.total(), udh.seq(), payload) : new PartHeader(0, 1, 1, payload);
        }
        if (pdu.getOptionalParameter(OptionalParameter.Tag.SAR_TOTAL_SEGMENTS) instanceof OptionalParameter.Byte t
                && pdu.getOptionalParameter(OptionalParameter.Tag.SAR_SEGMENT_SEQNUM) instanceof OptionalParameter.Byte s
                && pdu.getOptionalParameter(OptionalParameter.Tag.SAR_MSG_REF_NUM) instanceof OptionalParameter.Short r) {
            return new PartHeader(r.getValue() & 0xFFFF, t.getValue() & 0xFF, s.getValue() & 0xFF, sm);
        }
        return new PartHeader(0, 1, 1, sm);
    }
}
