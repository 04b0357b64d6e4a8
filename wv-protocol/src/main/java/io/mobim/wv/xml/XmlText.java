package io.mobim.wv.xml;

import io.mobim.wv.bind.SharedStrings;
import java.nio.charset.StandardCharsets;

/**
 * Names and character data of the plain XML form, read from a document's bytes: what {@link XmlScanner} and
 * {@link PlainXmlReader} share.
 */
final class XmlText {

    /** Bit per ASCII byte: 1 name start, 2 name character. Colons are excluded: prefixes go to StAX. */
    static final byte[] NAME = new byte[128];

    static {
        for (int c = 'a'; c <= 'z'; c++) {
            NAME[c] = 3;
            NAME[c - 'a' + 'A'] = 3;
        }
        NAME['_'] = 3;
        for (int c = '0'; c <= '9'; c++) {
            NAME[c] = 2;
        }
        NAME['-'] = 2;
        NAME['.'] = 2;
    }

    /** In {@link #scan}'s answer: the text has bytes other than ASCII, or references. */
    static final long OTHER = 1L << 32;
    private static final long AMP = 1L << 33;

    private XmlText() {
    }

    /** Whether byte {@code c} continues a name. */
    static boolean nameChar(int c) {
        return c >= 0 && (NAME[c] & 2) != 0;
    }

    /**
     * Character data from {@code s}: the index of the next {@code <}, plus {@link #OTHER} if the text needs
     * {@link #decode}, or -1 when it is not the plain form (controls, {@code ]]>}, no {@code <} before the end).
     */
    static long scan(byte[] a, int s, int end) {
        int i = s;
        long flags = 0;
        while (i < end) {
            int c = a[i];
            if (c == '<') {
                return i | flags;
            }
            if (c < 0x20) {
                if (c < 0) {
                    flags |= OTHER;
                } else if (c != '\n' && c != '\t') {
                    return -1; // controls are not XML; CR is normalised by StAX
                }
            } else if (c == '&') {
                flags |= OTHER | AMP;
            } else if (c == '>' && i - s >= 2 && a[i - 1] == ']' && a[i - 2] == ']') {
                return -1;
            }
            i++;
        }
        return -1;
    }

    /**
     * The String of ASCII text {@code b[s, s + len)} of element {@code tag}: one of one character, or of a value
     * that recurs ({@link SharedStrings}), is not made again.
     */
    static String ascii(byte[] b, int s, int len, int tag, SharedStrings shared) {
        if (len == 1) {
            return SharedStrings.oneChar(b[s]);
        }
        if (SharedStrings.shares(tag, len)) {
            return shared.get(b, s, len);
        }
        return new String(b, s, len, StandardCharsets.ISO_8859_1);
    }

    /** The String of text {@code b[s, e)} that {@link #scan} flagged {@link #OTHER}, or {@code null} if it is not XML. */
    static String decode(byte[] b, int s, int e, long scanned) {
        return (scanned & AMP) != 0 ? withEntities(b, s, e) : utf8(b, s, e);
    }

    private static String utf8(byte[] b, int s, int e) {
        String t = new String(b, s, e - s, StandardCharsets.UTF_8);
        for (int k = 0, n = t.length(); k < n; k++) {
            char c = t.charAt(k);
            if (c >= 0xFFFE) {
                return null; // not an XML character
            }
        }
        return t;
    }

    private static String withEntities(byte[] b, int s, int e) {
        StringBuilder sb = new StringBuilder(e - s);
        int seg = s;
        int i = s;
        while (i < e) {
            if (b[i] != '&') {
                i++;
                continue;
            }
            if (i > seg) {
                String part = utf8(b, seg, i);
                if (part == null) {
                    return null;
                }
                sb.append(part);
            }
            int semi = i + 1;
            while (semi < e && semi - i <= 10 && b[semi] != ';') {
                semi++;
            }
            if (semi >= e || b[semi] != ';') {
                return null;
            }
            int cp = entity(b, i + 1, semi);
            if (cp < 0) {
                return null;
            }
            sb.appendCodePoint(cp);
            i = seg = semi + 1;
        }
        if (i > seg) {
            String part = utf8(b, seg, i);
            if (part == null) {
                return null;
            }
            sb.append(part);
        }
        return sb.toString();
    }

    /** The character of the reference between {@code &} and {@code ;}, or -1 for any other. */
    private static int entity(byte[] b, int s, int e) {
        int len = e - s;
        if (len >= 2 && b[s] == '#') {
            boolean hex = b[s + 1] == 'x';
            int i = hex ? s + 2 : s + 1;
            if (i == e || e - i > 7) {
                return -1;
            }
            int v = 0;
            for (; i < e; i++) {
                int c = b[i];
                int d = c >= '0' && c <= '9' ? c - '0'
                        : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                        : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
                if (d < 0) {
                    return -1;
                }
                v = v * (hex ? 16 : 10) + d;
            }
            boolean xmlChar = v == 0x9 || v == 0xA || v == 0xD || v >= 0x20 && v <= 0xD7FF
                    || v >= 0xE000 && v <= 0xFFFD || v >= 0x10000 && v <= 0x10FFFF;
            return xmlChar ? v : -1;
        }
        if (is(b, s, e, "lt")) {
            return '<';
        }
        if (is(b, s, e, "gt")) {
            return '>';
        }
        if (is(b, s, e, "amp")) {
            return '&';
        }
        if (is(b, s, e, "quot")) {
            return '"';
        }
        if (is(b, s, e, "apos")) {
            return '\'';
        }
        return -1;
    }

    private static boolean is(byte[] b, int s, int e, String name) {
        if (e - s != name.length()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (b[s + i] != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
