package io.mobim.smpp.codec;

/**
 * Reads the concatenation information element of a user data header (TS 23.040 §9.2.3.24): IE 0x00
 * (8-bit reference) or 0x08 (16-bit reference). Other IEs are skipped.
 *
 * @param headerLength octets of the header including its length octet (UDHL + 1); the text starts there
 * @param reference the concatenation reference, or -1 if the header has no concatenation IE
 * @param total number of parts (0 if none)
 * @param seq 1-based part number (0 if none)
 */
public record UserDataHeader(int headerLength, int reference, int total, int seq) {

    /**
     * Parses the header at the start of {@code sm} (call only when esm_class has UDHI).
     *
     * @throws IllegalArgumentException if the header is longer than the message or an IE overruns it
     */
    public static UserDataHeader parse(byte[] sm) {
        if (sm == null || sm.length == 0) {
            throw new IllegalArgumentException("UDHI set but short_message is empty");
        }
        int udhl = sm[0] & 0xFF;
        if (udhl + 1 > sm.length) {
            throw new IllegalArgumentException("UDH length " + udhl + " exceeds short_message length " + sm.length);
        }
        int ref = -1;
        int total = 0;
        int seq = 0;
        int i = 1;
        while (i + 1 < udhl + 1) {
            int iei = sm[i] & 0xFF;
            int iedl = sm[i + 1] & 0xFF;
            if (i + 2 + iedl > udhl + 1) {
                throw new IllegalArgumentException("UDH information element 0x" + Integer.toHexString(iei) + " overruns the header");
            }
            if (iei == 0x00 && iedl == 3) {
                ref = sm[i + 2] & 0xFF;
                total = sm[i + 3] & 0xFF;
                seq = sm[i + 4] & 0xFF;
            } else if (iei == 0x08 && iedl == 4) {
                ref = ((sm[i + 2] & 0xFF) << 8) | (sm[i + 3] & 0xFF);
                total = sm[i + 4] & 0xFF;
                seq = sm[i + 5] & 0xFF;
            }
            i += 2 + iedl;
        }
        return new UserDataHeader(udhl + 1, ref, total, seq);
    }

    public boolean concatenated() {
        return reference >= 0 && total > 1 && seq >= 1 && seq <= total;
    }
}
