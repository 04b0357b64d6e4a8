package io.mobim.smpp.codec;

import java.nio.charset.StandardCharsets;

/**
 * Decodes short_message octets by their data_coding (SMPP 3.4 §5.2.19). What data_coding 0 means depends
 * on the SMS-C vendor; it is configured per link ({@link DefaultAlphabet}).
 */
public final class SmsTextDecoder {

    /** What the SMS-C means by data_coding 0 on a link. */
    public enum DefaultAlphabet {
        /** Unpacked GSM 03.38 (the usual case). */
        GSM7,
        /** ISO-8859-1. */
        LATIN1,
        /** US-ASCII. */
        ASCII
    }

    private SmsTextDecoder() {
    }

    /**
     * The text of {@code octets} without NUL characters: some SMS-Cs and handsets pad a short message with NUL
     * octets, a NUL means nothing in a text message, and the platform could not store it (PostgreSQL text refuses
     * U+0000), so an MO holding one would be lost instead of answered. (In GSM 7-bit, octet 0 is '@', not NUL.)
     */
    public static String decode(byte dataCoding, byte[] octets, DefaultAlphabet defaultAlphabet) {
        String text = decodeAll(dataCoding, octets, defaultAlphabet);
        return text.indexOf('\0') < 0 ? text : text.replace("\0", "");
    }

    private static String decodeAll(byte dataCoding, byte[] octets, DefaultAlphabet defaultAlphabet) {
        int dcs = dataCoding & 0xFF;
        if (dcs == 0x00) {
            return switch (defaultAlphabet) {
                case GSM7 -> Gsm7.decode(octets);
                case LATIN1 -> new String(octets, StandardCharsets.ISO_8859_1);
                case ASCII -> new String(octets, StandardCharsets.US_ASCII);
            };
        }
        if (dcs == 0x08 || (dcs & 0xF0) == 0x00 && (dcs & 0x0C) == 0x08) {
            return new String(octets, StandardCharsets.UTF_16BE);
        }
        if (dcs == 0x01) {
            return new String(octets, StandardCharsets.US_ASCII);
        }
        if (dcs == 0x03) {
            return new String(octets, StandardCharsets.ISO_8859_1);
        }
        if ((dcs & 0xF0) == 0xF0) {
            // message class coding group: bit 2 = 8-bit data, else GSM 7-bit
            return (dcs & 0x04) == 0 ? Gsm7.decode(octets) : new String(octets, StandardCharsets.ISO_8859_1);
        }
        // 8-bit data and anything unknown: keep the octets readable rather than fail the MO
        return new String(octets, StandardCharsets.ISO_8859_1);
    }
}
