package io.mobim.smpp.codec;

/**
 * What the gateway sends in: a text in GSM 03.38 7-bit when every character fits it, else UCS-2 (UTF-16BE,
 * surrogate pairs kept whole); binary data as 8-bit octets. Limits are per TS 23.040 with a 140-octet user data and
 * an 8-bit-reference concatenation header of 6 octets.
 */
public enum SmsEncoding {
    /** data_coding 0x00 (SMS-C default alphabet, unpacked GSM 7-bit). Units are septets. */
    GSM7((byte) 0x00, 160, 153),
    /** data_coding 0x08. Units are UTF-16 code units. */
    UCS2((byte) 0x08, 70, 67),
    /** data_coding 0x04 (8-bit data: a WAP push, a port-addressed application SMS). Units are octets. */
    BINARY((byte) 0x04, 140, 134);

    private final byte dataCoding;
    private final int singleLimit;
    private final int partLimit;

    SmsEncoding(byte dataCoding, int singleLimit, int partLimit) {
        this.dataCoding = dataCoding;
        this.singleLimit = singleLimit;
        this.partLimit = partLimit;
    }

    public byte dataCoding() {
        return dataCoding;
    }

    /** Units that fit one SMS without a concatenation header: 160 septets, 70 UTF-16 units or 140 octets. */
    public int singleLimit() {
        return singleLimit;
    }

    /** Units per part of a concatenated SMS (8-bit reference UDH): 153 septets, 67 UTF-16 units or 134 octets. */
    public int partLimit() {
        return partLimit;
    }

    /** GSM7 if {@code text} is fully representable in GSM 03.38, else UCS2 (a text is never sent as BINARY). */
    public static SmsEncoding choose(CharSequence text) {
        return Gsm7.canEncode(text) ? GSM7 : UCS2;
    }
}
