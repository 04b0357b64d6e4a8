package io.mobim.smpp.codec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a text into the SMS parts that carry it: GSM 7-bit when it fits, UCS-2 otherwise; one SMS up to
 * 160 septets / 70 UTF-16 units, else parts of 153 / 67 with a concatenation header (or sar_ TLVs).
 * An escaped GSM extension character and a UTF-16 surrogate pair are never split across parts.
 */
public final class SmsSplitter {

    private final int maxParts;

    /** @param maxParts the most parts one message may take (1..255); longer texts are refused */
    public SmsSplitter(int maxParts) {
        if (maxParts < 1 || maxParts > 255) {
            throw new IllegalArgumentException("maxParts must be 1..255: " + maxParts);
        }
        this.maxParts = maxParts;
    }

    /**
     * The parts of {@code text}.
     *
     * @param reference the concatenation reference to use when it takes several parts (only the low 8 bits are used)
     * @throws MessageTooLongException if it would take more than {@code maxParts}
     */
    public List<Segment> split(String text, int reference, ConcatMode mode) {
        SmsEncoding encoding = SmsEncoding.choose(text);
        List<String> chunks = chunks(text, encoding);
        if (chunks.size() > maxParts) {
            throw new MessageTooLongException(chunks.size(), maxParts);
        }
        int total = chunks.size();
        int ref = total == 1 ? 0 : reference & 0xFF;
        List<Segment> parts = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            byte[] payload = encode(chunks.get(i), encoding);
            boolean udh = total > 1 && mode == ConcatMode.UDH;
            byte[] sm = udh ? withUdh(payload, ref, total, i + 1) : payload;
            parts.add(new Segment(sm, encoding, udh, ref, i + 1, total));
        }
        return parts;
    }

    /** How many parts {@code text} takes, without building them. */
    public static int countParts(String text) {
        return chunks(text, SmsEncoding.choose(text)).size();
    }

    static byte[] encode(String chunk, SmsEncoding encoding) {
        return encoding == SmsEncoding.GSM7 ? Gsm7.encode(chunk) : chunk.getBytes(StandardCharsets.UTF_16BE);
    }

    /** The text cut into per-part strings, respecting escapes and surrogate pairs. */
    static List<String> chunks(String text, SmsEncoding encoding) {
        int totalUnits = encoding == SmsEncoding.GSM7 ? Gsm7.septets(text) : text.length();
        if (totalUnits <= encoding.singleLimit()) {
            return List.of(text);
        }
        int limit = encoding.partLimit();
        List<String> out = new ArrayList<>();
        int start = 0;
        int units = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int cost;
            if (encoding == SmsEncoding.GSM7) {
                cost = Gsm7.septets(c);
            } else {
                cost = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)) ? 2 : 1;
            }
            if (units + cost > limit) {
                out.add(text.substring(start, i));
                start = i;
                units = 0;
            }
            units += cost;
            if (cost == 2 && encoding == SmsEncoding.UCS2) {
                i++; // the low surrogate travels with its high surrogate
            }
        }
        out.add(text.substring(start));
        return out;
    }

    /** {@code 05 00 03 ref total seq} followed by the payload. */
    static byte[] withUdh(byte[] payload, int ref, int total, int seq) {
        byte[] sm = new byte[6 + payload.length];
        sm[0] = 0x05;
        sm[1] = 0x00;
        sm[2] = 0x03;
        sm[3] = (byte) ref;
        sm[4] = (byte) total;
        sm[5] = (byte) seq;
        System.arraycopy(payload, 0, sm, 6, payload.length);
        return sm;
    }
}
