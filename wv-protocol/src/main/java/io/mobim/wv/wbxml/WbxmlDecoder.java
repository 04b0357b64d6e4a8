package io.mobim.wv.wbxml;

import io.mobim.wv.CspVersion;
import io.mobim.wv.StatusCode;
import io.mobim.wv.WvDecodeException;
import io.mobim.wv.WvLimits;
import io.mobim.wv.bind.Binder;
import io.mobim.wv.bind.Assembler;
import io.mobim.wv.bind.TagTable;
import io.mobim.wv.model.WvMessage;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Reads CSP WBXML (WBXML 1.1-1.3, reference section 10). The form handsets send goes straight
 * into the records ({@link DirectReader}); everything else, and every invalid document, takes the
 * general path: one pass without recursion over the bytes feeds the elements to the records
 * ({@link Assembler}), every length and index is checked against what is left, nesting is bounded by
 * the caller's depth limit, so hostile input ends in a {@link WvDecodeException} after at most two
 * passes.
 *
 * <p>Lenient where real clients are: integers and date-times as {@code OPAQUE} or as text, value
 * tokens ({@code EXT_T_0}) or inline strings, string-table references, {@code LITERAL} tags,
 * the xmlns attributes present (handsets) or absent (libwbxml, which then gives the version by its
 * public id, numeric or as a string). Unknown tags are skipped with their subtree, unknown
 * attributes and extension tokens ignored. The version comes from the root xmlns attribute, else
 * the public id, else 1.2.
 *
 * <p>Holds only its limits: thread-safe.
 */
public final class WbxmlDecoder {

    private static final Charset[] CHARSETS = new Charset[1024];
    private static final java.lang.invoke.VarHandle LONG_LE =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    static {
        CHARSETS[0] = StandardCharsets.UTF_8; // unknown: assume UTF-8
        CHARSETS[3] = StandardCharsets.US_ASCII;
        CHARSETS[4] = StandardCharsets.ISO_8859_1;
        CHARSETS[106] = StandardCharsets.UTF_8;
    }

    private final WvLimits limits;

    public WbxmlDecoder(WvLimits limits) {
        if (limits == null) {
            throw new IllegalArgumentException("limits");
        }
        this.limits = limits;
    }

    public WvMessage decode(byte[] body) throws WvDecodeException {
        return decode(body, 0, body.length);
    }

    public WvMessage decode(byte[] body, int offset, int length) throws WvDecodeException {
        return decode(body, offset, length, true);
    }

    /** Always the general path (tests compare the two). */
    WvMessage decodeGeneral(byte[] body) throws WvDecodeException {
        return decode(body, 0, body.length, false);
    }

    private WvMessage decode(byte[] body, int offset, int length, boolean direct) throws WvDecodeException {
        if (length > limits.maxBytes()) {
            throw WvDecodeException.badRequest("message of " + length + " bytes exceeds the limit of " + limits.maxBytes());
        }
        if (offset < 0 || length < 0 || offset + length > body.length) {
            throw new IllegalArgumentException("offset/length");
        }
        WvMessage m = direct ? DirectReader.read(body, offset, offset + length, limits.maxDepth()) : null;
        if (m != null) {
            return m;
        }
        try {
            return new Parser(body, offset, offset + length, limits.maxDepth()).parse();
        } catch (ArrayIndexOutOfBoundsException | NegativeArraySizeException | IllegalArgumentException e) {
            // defensive: every read is bounds-checked, this is not expected
            throw WvDecodeException.badRequest("malformed WBXML");
        }
    }

    /** The index of the first NUL byte in {@code a[i, e)}, or {@code e}. */
    static int nul(byte[] a, int i, int e) {
        // eight bytes at a time: (v - 0x01..01) & ~v & 0x80..80 is non-zero iff v has a zero byte
        while (i + 8 <= e) {
            long v = (long) LONG_LE.get(a, i);
            long z = (v - 0x0101010101010101L) & ~v & 0x8080808080808080L;
            if (z != 0) {
                return i + (Long.numberOfTrailingZeros(z) >>> 3);
            }
            i += 8;
        }
        while (i < e && a[i] != 0) {
            i++;
        }
        return i;
    }

    private static final class Parser {
        final byte[] b;
        final int end;
        final int maxDepth;
        int p;
        Charset charset;
        int strtbl;
        int strtblLen;
        CspVersion version;
        CspVersion xmlnsVersion;
        /** Characters the document may still expand to (STR_T and EXT_T_0 references expand). */
        long textBudget;

        Parser(byte[] b, int off, int end, int maxDepth) {
            this.b = b;
            this.p = off;
            this.end = end;
            this.maxDepth = maxDepth;
            this.textBudget = 4L * (end - off) + 4096;
        }

        private void spend(int chars) throws WvDecodeException {
            textBudget -= chars;
            if (textBudget < 0) {
                throw bad("text expands to more than four times the message size");
            }
        }

        private static WvDecodeException bad(String reason) {
            return WvDecodeException.badRequest(reason);
        }

        private int u8() throws WvDecodeException {
            if (p >= end) {
                throw bad("truncated WBXML");
            }
            return b[p++] & 0xFF;
        }

        private int mbUint() throws WvDecodeException {
            long v = 0;
            for (int i = 0; i < 5; i++) {
                int c = u8();
                v = (v << 7) | (c & 0x7F);
                if ((c & 0x80) == 0) {
                    if (v > Integer.MAX_VALUE) {
                        throw bad("mb_u_int32 out of range");
                    }
                    return (int) v;
                }
            }
            throw bad("mb_u_int32 longer than 5 bytes");
        }

        WvMessage parse() throws WvDecodeException {
            int wbxmlVersion = u8();
            if (wbxmlVersion > 0x03) {
                throw new WvDecodeException(StatusCode.UNSUPPORTED_MEDIA_TYPE, "not WBXML (version byte " + wbxmlVersion + ")");
            }
            int publicId = mbUint();
            int publicIdIndex = -1;
            if (publicId == 0) {
                publicIdIndex = mbUint();
            }
            int cs = wbxmlVersion == 0 ? 106 : mbUint();
            charset = cs < CHARSETS.length ? CHARSETS[cs] : null;
            if (charset == null) {
                throw new WvDecodeException(StatusCode.UNSUPPORTED_MEDIA_TYPE, "WBXML charset " + cs + " is not supported");
            }
            strtblLen = mbUint();
            if (strtblLen > end - p) {
                throw bad("string table longer than the message");
            }
            strtbl = p;
            p += strtblLen;
            version = publicIdVersion(publicId, publicIdIndex);
            Assembler into = new Assembler(false);
            body(into);
            CspVersion v = xmlnsVersion != null ? xmlnsVersion : version != null ? version : CspVersion.V1_2;
            return into.finish(v);
        }

        private CspVersion publicIdVersion(int id, int index) throws WvDecodeException {
            switch (id) {
                case 0x10:
                    return CspVersion.V1_1;
                case 0x11:
                    return CspVersion.V1_2;
                case 0x0F:
                case 0x12:
                    throw new WvDecodeException(StatusCode.VERSION_NOT_SUPPORTED, "WBXML public id " + id + " is not CSP 1.1 or 1.2");
                case 0x00: {
                    String s = tableString(index);
                    if (s.contains("CSP 1.1")) {
                        return CspVersion.V1_1;
                    }
                    if (s.contains("CSP 1.2")) {
                        return CspVersion.V1_2;
                    }
                    if (s.contains("CSP")) {
                        throw new WvDecodeException(StatusCode.VERSION_NOT_SUPPORTED, "CSP version of the public id is not 1.1 or 1.2");
                    }
                    throw new WvDecodeException(StatusCode.UNSUPPORTED_MEDIA_TYPE, "WBXML document is not WV-CSP");
                }
                case 0x01:
                    return null; // unknown: the xmlns attribute (or the default) decides
                default:
                    throw new WvDecodeException(StatusCode.UNSUPPORTED_MEDIA_TYPE, "WBXML public id " + id + " is not WV-CSP");
            }
        }

        private String tableString(int index) throws WvDecodeException {
            if (index < 0 || index >= strtblLen) {
                throw bad("string table reference out of range");
            }
            int s = strtbl + index;
            int e = s;
            int tEnd = strtbl + strtblLen;
            while (e < tEnd && b[e] != 0) {
                e++;
            }
            return new String(b, s, e - s, charset);
        }

        private String inline() throws WvDecodeException {
            int s = p;
            int i = nul(b, s, end);
            if (i >= end) {
                throw bad("unterminated inline string");
            }
            p = i + 1;
            return new String(b, s, i - s, charset);
        }

        /** Skips an inline string; returns its length in bytes. */
        private int skipInline() throws WvDecodeException {
            int i = nul(b, p, end);
            if (i >= end) {
                throw bad("unterminated inline string");
            }
            int len = i - p;
            p = i + 1;
            return len;
        }

        /** The body: optional PIs, the root element, optional PIs. Iterative; elements go to {@code into}. */
        private void body(Assembler into) throws WvDecodeException {
            int depth = 0;
            int skip = 0;
            int page = 0;
            boolean root = false;
            while (true) {
                if (p >= end) {
                    if (root && depth == 0) {
                        return;
                    }
                    throw bad(!root ? "no root element" : "truncated WBXML: unclosed elements");
                }
                int t = u8();
                switch (t) {
                    case 0x00 -> page = u8();
                    case 0x01 -> {
                        if (depth == 0) {
                            throw bad("END without an open element");
                        }
                        depth--;
                        if (skip > 0) {
                            skip--;
                        } else {
                            into.end();
                        }
                    }
                    case 0x02 -> {
                        int cp = mbUint();
                        if (!Character.isValidCodePoint(cp) || Character.isSurrogate((char) cp) && cp < 0x10000) {
                            throw bad("bad character entity");
                        }
                        text(into, depth, skip, Character.toString(cp));
                    }
                    case 0x03 -> text(into, depth, skip, inline());
                    case 0x40, 0x41, 0x42 -> skipInline(); // EXT_I_n: no meaning in CSP
                    case 0x43 -> pi();
                    case 0x80 -> {
                        String v = TagTable.value(mbUint());
                        if (v != null) {
                            text(into, depth, skip, v);
                        }
                    }
                    case 0x81, 0x82 -> mbUint(); // EXT_T_1/2: no meaning in CSP
                    case 0x83 -> text(into, depth, skip, tableString(mbUint()));
                    case 0xC0, 0xC1, 0xC2 -> {
                        // EXT_n: no meaning in CSP
                    }
                    case 0xC3 -> {
                        int len = mbUint();
                        if (len > end - p) {
                            throw bad("OPAQUE longer than the message");
                        }
                        int s = p;
                        p += len;
                        if (skip == 0 && depth > 0) {
                            int tag = into.tag();
                            if (WbxmlTypes.INTEGER_READ[tag] && len <= 7) {
                                long v = 0;
                                for (int i = 0; i < len; i++) {
                                    v = v << 8 | (b[s + i] & 0xFF);
                                }
                                spend(len * 3 + 1);
                                into.number(v);
                            } else {
                                String o = opaque(tag, s, len);
                                spend(o.length());
                                into.text(o);
                            }
                        }
                    }
                    default -> {
                        // a tag: token, LITERAL (0x04) or with attribute/content bits
                        if (depth == 0 && root) {
                            throw bad("content after the root element");
                        }
                        int id;
                        if ((t & 0x3F) == 0x04) {
                            String literal = tableString(mbUint());
                            spend(literal.length());
                            id = TagTable.id(literal);
                        } else {
                            int token = t & 0x3F;
                            id = token < 5 || page > 0x0A ? -1 : (page << 6) | token;
                            if (id >= 0 && TagTable.name(id) == null) {
                                id = -1;
                            }
                        }
                        if (depth >= maxDepth) {
                            throw bad("elements nested deeper than " + maxDepth);
                        }
                        boolean isRoot = depth == 0;
                        if (isRoot && id != Binder.WV_CSP_MESSAGE) {
                            throw bad("root element is not WV-CSP-Message");
                        }
                        if ((t & 0x80) != 0) {
                            attributes(isRoot);
                        }
                        if ((t & 0x40) == 0) {
                            if (skip == 0 && id >= 0) {
                                into.start(id);
                                into.end();
                                if (isRoot) {
                                    return;
                                }
                            }
                            break;
                        }
                        if (skip > 0 || id < 0) {
                            skip++;
                            if (isRoot) {
                                throw bad("root element is not WV-CSP-Message");
                            }
                        } else {
                            into.start(id);
                            root = true;
                        }
                        depth++;
                    }
                }
                if (depth == 0 && root) {
                    skipTrailing();
                    return;
                }
            }
        }

        private void text(Assembler into, int depth, int skip, String s) throws WvDecodeException {
            spend(s.length());
            if (skip == 0 && depth > 0) {
                into.text(s);
            }
        }

        private void skipTrailing() throws WvDecodeException {
            while (p < end) {
                int t = u8();
                if (t == 0x43) {
                    pi();
                } else {
                    throw bad("content after the root element");
                }
            }
        }

        private void pi() throws WvDecodeException {
            attributes(false);
        }

        /** Reads attributes up to END; keeps only the CSP xmlns version of the root. */
        private void attributes(boolean root) throws WvDecodeException {
            int attr = -1;
            String value = null; // collected only for the root's xmlns attributes
            while (true) {
                int t = u8();
                if (t == 0x01) {
                    break;
                }
                switch (t) {
                    case 0x00 -> u8(); // attribute code page: CSP has only page 0
                    case 0x02 -> mbUint();
                    case 0x03 -> {
                        if (value != null) {
                            String s = inline();
                            spend(s.length());
                            value = value.isEmpty() ? s : value + s;
                        } else {
                            spend(skipInline());
                        }
                    }
                    case 0x04 -> {
                        finishAttr(root, attr, value);
                        tableString(mbUint());
                        attr = -1;
                        value = null;
                    }
                    case 0x40, 0x41, 0x42 -> skipInline();
                    case 0x80, 0x81, 0x82 -> mbUint();
                    case 0x83 -> {
                        String s = tableString(mbUint());
                        spend(s.length());
                        if (value != null) {
                            value = value.isEmpty() ? s : value + s;
                        }
                    }
                    case 0xC0, 0xC1, 0xC2 -> {
                    }
                    case 0xC3 -> {
                        int len = mbUint();
                        if (len > end - p) {
                            throw bad("OPAQUE longer than the message");
                        }
                        p += len;
                    }
                    default -> {
                        if (t < 0x80) { // attribute start
                            finishAttr(root, attr, value);
                            attr = t;
                            value = root && t >= 0x05 && t <= 0x0A ? "" : null;
                        }
                        // else an attribute value token: CSP defines none
                    }
                }
            }
            finishAttr(root, attr, value);
        }

        private void finishAttr(boolean root, int attr, String value) throws WvDecodeException {
            if (!root || value == null) {
                return;
            }
            CspVersion v = CspVersion.ofLabel(value);
            if (v != null) {
                xmlnsVersion = v;
            } else if (attr == 0x05 || attr == 0x08) {
                throw new WvDecodeException(StatusCode.VERSION_NOT_SUPPORTED, "CSP namespace version is not 1.1 or 1.2");
            }
        }

        private String opaque(int tag, int s, int len) throws WvDecodeException {
            if (WbxmlTypes.INTEGER_READ[tag]) {
                if (len > 8) {
                    throw bad("OPAQUE integer longer than 8 bytes");
                }
                long v = 0;
                for (int i = 0; i < len; i++) {
                    v = v << 8 | (b[s + i] & 0xFF);
                }
                return Long.toUnsignedString(v);
            }
            if (WbxmlTypes.DATE[tag]) {
                String d = WbxmlTypes.date(b, s, len);
                if (d != null) {
                    return d;
                }
            }
            return new String(b, s, len, charset);
        }
    }
}
