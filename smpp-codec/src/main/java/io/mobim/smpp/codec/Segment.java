package io.mobim.smpp.codec;

/**
 * One SMS of a (possibly concatenated) message, ready for submit_sm or deliver_sm.
 *
 * @param shortMessage the short_message octets; in {@link ConcatMode#UDH} it starts with the user data header
 * @param encoding the alphabet; {@link SmsEncoding#dataCoding()} goes in data_coding
 * @param udhi whether esm_class must carry UDHI (0x40)
 * @param reference the concatenation reference (0..255), the same for every part; 0 for a single SMS
 * @param seq 1-based part number
 * @param total number of parts (1 for a single SMS)
 */
public record Segment(byte[] shortMessage, SmsEncoding encoding, boolean udhi, int reference, int seq, int total) {

    public boolean concatenated() {
        return total > 1;
    }
}
