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

    /**
     * The parts of binary {@code data} (8-bit, data_coding 0x04), each with a user data header: the application port
     * addressing element (IE 0x05, 16-bit ports, TS 23.040 §9.2.3.24.4) when {@code destinationPort} is given, and
     * the concatenation element when the data takes several parts. A binary message always travels with a header,
     * since a handset routes it to its application by the ports, and every part must carry them.
     *
     * @param destinationPort the port of the handset's application (2948 for WAP push), or null for none
     * @param sourcePort the originating port (9200 for WAP push), used only with a destination port
     * @throws MessageTooLongException if it would take more than {@code maxParts}
     */
    public List<Segment> splitBinary(byte[] data, Integer destinationPort, int sourcePort, int reference) {
        if (data.length == 0) {
            throw new IllegalArgumentException("binary data must not be empty");
        }
        byte[] ports = destinationPort == null ? new byte[0] : new byte[] {0x05, 0x04,
                (byte) (destinationPort >> 8), (byte) (int) destinationPort, (byte) (sourcePort >> 8), (byte) sourcePort};
        int limit = SmsEncoding.BINARY.singleLimit();
        int single = ports.length == 0 ? limit : limit - 1 - ports.length;
        int perPart = limit - 1 - ports.length - 5; // UDHL, the ports, the 5-octet concatenation element
        int total = data.length <= single ? 1 : Math.ceilDiv(data.length, perPart);
        if (total > maxParts) {
            throw new MessageTooLongException(total, maxParts);
        }
        int ref = total == 1 ? 0 : reference & 0xFF;
        if (total == 1) {
            perPart = single;
        }
        List<Segment> parts = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            int from = i * perPart;
            int to = Math.min(data.length, from + perPart);
            byte[] concat = total == 1 ? new byte[0] : new byte[] {0x00, 0x03, (byte) ref, (byte) total, (byte) (i + 1)};
            int udhl = ports.length + concat.length;
            byte[] sm = new byte[(udhl == 0 ? 0 : 1 + udhl) + to - from];
            int at = 0;
            if (udhl > 0) {
                sm[at++] = (byte) udhl;
                System.arraycopy(ports, 0, sm, at, ports.length);
                at += ports.length;
                System.arraycopy(concat, 0, sm, at, concat.length);
                at += concat.length;
            }
            System.arraycopy(data, from, sm, at, to - from);
            parts.add(new Segment(sm, SmsEncoding.BINARY, udhl > 0, ref, i + 1, total));
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
