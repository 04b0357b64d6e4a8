package io.mobim.wv.bind;

import java.util.Arrays;

/** A growable byte array the encoders write into. Not thread-safe. */
public final class ByteBuf {

    byte[] a;
    int n;

    public ByteBuf(int capacity) {
        a = new byte[capacity];
    }

    private void grow(int extra) {
        a = Arrays.copyOf(a, Math.max(a.length * 2, n + extra));
    }

    public void write(int b) {
        if (n == a.length) {
            grow(1);
        }
        a[n++] = (byte) b;
    }

    /** Makes room for {@code extra} more bytes, which {@link #put} may then write without a capacity check. */
    public void ensure(int extra) {
        if (n + extra > a.length) {
            grow(extra);
        }
    }

    /** One byte into the room made by {@link #ensure}. */
    public void put(int b) {
        a[n++] = (byte) b;
    }

    public void write(byte[] b) {
        if (n + b.length > a.length) {
            grow(b.length);
        }
        System.arraycopy(b, 0, a, n, b.length);
        n += b.length;
    }

    /** Bytes into room made by {@link #ensure}. */
    public void put(byte[] b) {
        System.arraycopy(b, 0, a, n, b.length);
        n += b.length;
    }

    public int size() {
        return n;
    }

    /** Empties the buffer for the next document, keeping its array. */
    public void clear() {
        n = 0;
    }

    /** The capacity in bytes. */
    public int capacity() {
        return a.length;
    }

    /** ANDs bits into an already written byte (the WBXML content flag of a start tag). */
    public void and(int pos, int bits) {
        a[pos] &= (byte) bits;
    }

    /** WBXML mb_u_int32. */
    public void writeMbUint(long v) {
        if (v >= 0 && v < 0x80) {
            write((int) v); // most tokens and lengths: one byte
            return;
        }
        int shift = 28;
        while (shift > 0 && (v >>> shift) == 0) {
            shift -= 7;
        }
        for (; shift > 0; shift -= 7) {
            write((int) ((v >>> shift) & 0x7F) | 0x80);
        }
        write((int) (v & 0x7F));
    }

    /**
     * UTF-8 of {@code s}; NUL, unpaired surrogates and (when {@code xml}) characters XML 1.0 cannot
     * carry are replaced by U+FFFD, and {@code & < >} and CR are escaped when {@code xml}.
     */
    public void writeText(String s, boolean xml) {
        ensure(textRoom(s));
        putText(s, xml);
    }

    /** The room {@link #putText} needs for {@code s}. */
    public static int textRoom(String s) {
        return s.length() * 3 + 16;
    }

    /**
     * {@link #writeText} into room made by {@link #ensure} ({@link #textRoom}). The leading run of characters
     * written as they are (printable ASCII without {@code & < >}: nearly every value) is copied without the
     * per-character decisions.
     */
    public void putText(String s, boolean xml) {
        int len = s.length();
        byte[] b = a;
        int p = n;
        int i = 0;
        for (char c; i < len && (c = s.charAt(i)) < 0x80 && PLAIN[c]; i++) {
            b[p++] = (byte) c;
        }
        n = p;
        if (i < len) {
            text(s, i, xml);
        }
    }

    /** The ASCII characters text is written as, in XML and WBXML alike. */
    private static final boolean[] PLAIN = new boolean[0x80];

    static {
        for (int c = 0x20; c < 0x80; c++) {
            PLAIN[c] = c != '&' && c != '<' && c != '>';
        }
    }

    /**
     * A WBXML inline string's bytes: the UTF-8 of {@code s} as {@link #writeText writeText(s, false)} writes it,
     * then the terminating NUL. Strings of ASCII (nearly all values handsets exchange) are copied char by char
     * from one bulk read of the string, with no per-character encoding decisions.
     */
    public void writeInline(String s) {
        ensure(s.length() * 3 + 1);
        putInline(s);
    }

    /**
     * {@link #writeInline} into room made by {@link #ensure}: three bytes a char and one. A char is copied as it is
     * and its range noted in one counted loop (two subtractions and an OR: negative for NUL and for anything past
     * ASCII); a string that is not all ASCII is then written again by {@link #text}.
     */
    public void putInline(String s) {
        int len = s.length();
        byte[] b = a;
        int p = n;
        int range = 0;
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            range |= (c - 1) | (0x7F - c);
            b[p + i] = (byte) c;
        }
        if (range < 0) {
            text(s, 0, false);
        } else {
            n = p + len;
        }
        b = a;
        b[n++] = 0;
    }

    /** The UTF-8 of {@code s} from char {@code from}; room for three bytes a char must have been made. */
    private void text(String s, int from, boolean xml) {
        int len = s.length();
        byte[] b = a;
        int p = n;
        for (int i = from; i < len; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c >= 0x20 && c != '&' && c != '<' && c != '>' || !xml && c != 0) {
                    b[p++] = (byte) c;
                } else if (c == '&' || c == '<' || c == '>' || c == '\r') {
                    String e = c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '>' ? "&gt;" : "&#13;";
                    n = p;
                    if (n + 8 + (len - i) * 3 > a.length) {
                        grow(8 + (len - i) * 3);
                        b = a;
                    }
                    for (int k = 0; k < e.length(); k++) {
                        b[p++] = (byte) e.charAt(k);
                    }
                } else if (c == '\t' || c == '\n') {
                    b[p++] = (byte) c;
                } else {
                    p = put3(b, p, 0xFFFD);
                }
            } else if (c < 0x800) {
                b[p++] = (byte) (0xC0 | (c >> 6));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < len && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                b[p++] = (byte) (0xF0 | (cp >> 18));
                b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c) || xml && (c == 0xFFFE || c == 0xFFFF)) {
                p = put3(b, p, 0xFFFD);
            } else {
                p = put3(b, p, c);
            }
        }
        n = p;
    }

    private static int put3(byte[] b, int p, int c) {
        b[p++] = (byte) (0xE0 | (c >> 12));
        b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        b[p++] = (byte) (0x80 | (c & 0x3F));
        return p;
    }

    /** A copy of the bytes written from {@code from}. */
    public byte[] copy(int from) {
        return Arrays.copyOfRange(a, from, n);
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(a, n);
    }
}
