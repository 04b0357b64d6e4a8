package io.mobim.smpp.codec;

import java.io.ByteArrayOutputStream;

/**
 * The GSM 03.38 default alphabet and its extension table (3GPP TS 23.038 §6.2.1), unpacked: one septet per
 * octet, which is how SMPP carries data_coding 0 (the SMS-C packs it for the air interface). Extension
 * characters are written as ESC (0x1B) followed by their code and cost two septets.
 */
public final class Gsm7 {

    /** The escape to the extension table. */
    public static final int ESC = 0x1B;

    private static final String BASIC =
            "@£$¥èéùìòÇ\nØø\rÅå"
            + "Δ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ"
            + " !\"#¤%&'()*+,-./"
            + "0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNO"
            + "PQRSTUVWXYZÄÖÑÜ§"
            + "¿abcdefghijklmno"
            + "pqrstuvwxyzäöñüà";

    /** Extension table: septet after ESC → character. */
    private static final char[][] EXTENSION = {
            {0x0A, '\f'}, {0x14, '^'}, {0x28, '{'}, {0x29, '}'}, {0x2F, '\\'},
            {0x3C, '['}, {0x3D, '~'}, {0x3E, ']'}, {0x40, '|'}, {0x65, '€'}};

    /** char → septet of the basic table, or -1; indexed by char value (the table's chars are all in 0..0x3A9 or €). */
    private static final short[] BASIC_CODE = new short[0x10000];
    private static final short[] EXT_CODE = new short[0x10000];
    private static final char[] EXT_CHAR = new char[128];

    static {
        java.util.Arrays.fill(BASIC_CODE, (short) -1);
        java.util.Arrays.fill(EXT_CODE, (short) -1);
        if (BASIC.length() != 128) {
            throw new AssertionError("GSM basic table must have 128 entries: " + BASIC.length());
        }
        for (int i = 0; i < 128; i++) {
            if (i != ESC) {
                BASIC_CODE[BASIC.charAt(i)] = (short) i;
            }
        }
        for (char[] e : EXTENSION) {
            EXT_CODE[e[1]] = (short) e[0];
            EXT_CHAR[e[0]] = e[1];
        }
    }

    private Gsm7() {
    }

    /** Septets {@code c} costs: 1 (basic), 2 (extension) or -1 when GSM 03.38 cannot represent it. */
    public static int septets(char c) {
        if (BASIC_CODE[c] >= 0) {
            return 1;
        }
        return EXT_CODE[c] >= 0 ? 2 : -1;
    }

    /** Septets {@code text} needs, or -1 if any character is not in the basic or extension table. */
    public static int septets(CharSequence text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            int s = septets(text.charAt(i));
            if (s < 0) {
                return -1;
            }
            n += s;
        }
        return n;
    }

    /** Whether every character of {@code text} is in GSM 03.38 (basic or extension). */
    public static boolean canEncode(CharSequence text) {
        return septets(text) >= 0;
    }

    /**
     * Unpacked GSM 7-bit octets of {@code text}, one septet per octet, extension characters escaped.
     *
     * @throws IllegalArgumentException if a character is not representable (check {@link #canEncode} first)
     */
    public static byte[] encode(CharSequence text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            short code = BASIC_CODE[c];
            if (code >= 0) {
                out.write(code);
                continue;
            }
            short ext = EXT_CODE[c];
            if (ext < 0) {
                throw new IllegalArgumentException("character U+" + Integer.toHexString(c) + " at " + i + " is not in GSM 03.38");
            }
            out.write(ESC);
            out.write(ext);
        }
        return out.toByteArray();
    }

    /**
     * The text of unpacked GSM 7-bit octets. An unknown extension code decodes as its basic character
     * (TS 23.038: "a space" is also common; the basic character is what most handsets show); a trailing
     * lone ESC is dropped.
     */
    public static String decode(byte[] octets, int offset, int length) {
        StringBuilder sb = new StringBuilder(length);
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            int septet = octets[i] & 0x7F;
            if (septet == ESC) {
                if (i + 1 >= end) {
                    break;
                }
                int next = octets[++i] & 0x7F;
                char ext = EXT_CHAR[next];
                sb.append(ext != 0 ? ext : BASIC.charAt(next == ESC ? 0x20 : next));
            } else {
                sb.append(BASIC.charAt(septet));
            }
        }
        return sb.toString();
    }

    public static String decode(byte[] octets) {
        return decode(octets, 0, octets.length);
    }
}
