package io.mobim.wv.wbxml;

import io.mobim.wv.CspVersion;
import io.mobim.wv.WvDecodeException;
import io.mobim.wv.bind.Binder;
import io.mobim.wv.bind.PlainReader;
import io.mobim.wv.bind.TagTable;
import io.mobim.wv.model.WvMessage;
import io.mobim.wv.model.WvNode;
import io.mobim.wv.model.presence.PresenceSubList;
import java.util.List;

/**
 * Reads the WBXML form handsets send (and {@link WbxmlEncoder} writes) straight into the records
 * ({@link PlainReader}): a numeric CSP public id, UTF-8, no string table, every value one inline
 * string, value token or {@code OPAQUE}. Anything else gives {@code null}, and the caller decodes the
 * document again on the general path. One per thread, reused from one document to the next with what it keeps
 * (recurring values, the arrays of a PresenceSubList, {@link DirectPresence}).
 */
final class DirectReader extends PlainReader {

    /** An element with attributes, in a {@link #TOKENS} entry. */
    private static final int ATTRIBUTES = CONTENT << 1;
    /**
     * By code page and tag byte: the tag id plus {@link #CONTENT} and {@link #ATTRIBUTES} when the byte has those
     * bits, or -1 for a byte that is not a tag CSP has (END, SWITCH_PAGE, a global token): one look-up decides a tag.
     */
    private static final int[] TOKENS = new int[(TagTable.SIZE >> 6) << 8];

    static {
        for (int i = 0; i < TOKENS.length; i++) {
            int t = i & 0xFF;
            int id = (i >> 8) << 6 | t & 0x3F;
            boolean known = (id & 0x3F) >= 5 && TagTable.name(id) != null;
            TOKENS[i] = !known ? -1 : id | ((t & 0x40) != 0 ? CONTENT : 0) | ((t & 0x80) != 0 ? ATTRIBUTES : 0);
        }
    }

    private static final ThreadLocal<DirectReader> SPARE = ThreadLocal.withInitial(DirectReader::new);

    /** The document, while one is read ({@code null} between documents). */
    byte[] b;
    int end;
    int maxDepth;
    int p;
    int page;
    int depth;
    long textBudget;
    private final DirectValues values = new DirectValues();
    private DirectPresence presence;

    private DirectReader() {
    }

    /** The message, or {@code null} if the document is not in the plain form or is not valid. */
    static WvMessage read(byte[] b, int off, int end, int maxDepth) {
        DirectReader r = SPARE.get();
        if (r.b != null) {
            r = new DirectReader(); // in use further up this thread's stack: reading calls nothing that decodes
        }
        r.b = b;
        r.p = off;
        r.end = end;
        r.maxDepth = maxDepth;
        r.page = 0;
        r.textBudget = 4L * (end - off) + 4096;
        try {
            return r.message();
        } catch (RuntimeException | WvDecodeException e) {
            return null; // NOT_PLAIN, a bad value, or bytes cut short: the general path says what
        } finally {
            r.b = null;
            r.children(0);
        }
    }

    private WvMessage message() throws WvDecodeException {
        int wbxmlVersion = u8();
        if (wbxmlVersion == 0 || wbxmlVersion > 0x03) { // WBXML 1.0 has no charset byte
            throw NOT_PLAIN;
        }
        int publicId = u8();
        CspVersion version = publicId == 0x10 ? CspVersion.V1_1 : publicId == 0x11 ? CspVersion.V1_2 : null;
        if (version == null || u8() != 0x6A || u8() != 0x00) { // UTF-8, empty string table
            throw NOT_PLAIN;
        }
        int root = u8();
        if ((root & 0x3F) != Binder.WV_CSP_MESSAGE || (root & 0x40) == 0 || maxDepth < 1) {
            throw NOT_PLAIN;
        }
        if ((root & 0x80) != 0) {
            version = rootNamespace();
        }
        depth = 1;
        WvMessage m = content(version);
        if (p != end) {
            throw NOT_PLAIN;
        }
        return m;
    }

    /** The root's xmlns attribute: its version. */
    private CspVersion rootNamespace() {
        int attr = u8();
        if (attr < 0x05 || attr > 0x0A || u8() != 0x03) {
            throw NOT_PLAIN;
        }
        int at = p;
        int len = skipInline();
        spend(len);
        // "1.1" or "1.2", read from the bytes: no String for it
        CspVersion v = len != 3 || b[at] != '1' || b[at + 1] != '.' ? null
                : b[at + 2] == '2' ? CspVersion.V1_2 : b[at + 2] == '1' ? CspVersion.V1_1 : null;
        if (v == null || u8() != 0x01) {
            throw NOT_PLAIN;
        }
        return v;
    }

    // ------------------------------------------------------------------ elements

    /** {@inheritDoc} Attributes are skipped. */
    @Override
    protected int child() {
        while (true) {
            int t = u8();
            int v = TOKENS[page << 8 | t];
            if (v >= 0) {
                if (depth >= maxDepth) {
                    throw NOT_PLAIN;
                }
                if ((v & ATTRIBUTES) != 0) {
                    attributes();
                    v &= ~ATTRIBUTES;
                }
                if ((v & CONTENT) != 0) {
                    depth++;
                }
                return v;
            }
            if (t == 0x01) {
                depth--;
                return -1;
            }
            if (t != 0x00) { // a global token or a tag CSP does not have
                throw NOT_PLAIN;
            }
            page = u8();
            if (page >= TagTable.SIZE >> 6) {
                throw NOT_PLAIN;
            }
        }
    }

    /** Skips the attributes of an element (CSP gives meaning only to the root's). */
    private void attributes() {
        while (true) {
            int t = u8();
            if (t == 0x01) {
                return;
            }
            if (t == 0x03) {
                spend(skipInline());
            } else if (t < 0x05 || t >= 0x40) { // a global token other than STR_I, or an attribute value token
                throw NOT_PLAIN;
            }
        }
    }

    @Override
    protected String text(int t) throws WvDecodeException {
        if ((t & CONTENT) == 0) {
            return null;
        }
        int k = b[p];
        if (k == 0x03) { // an inline string: nearly every value
            p++;
            String s = inline(t & TAG);
            closeLeaf();
            return s;
        }
        if (k == 0x01) {
            p++;
            depth--;
            return null;
        }
        String s = piece(t);
        closeLeaf();
        return s;
    }

    @Override
    protected long integer(int t) throws WvDecodeException {
        if ((t & CONTENT) == 0) {
            return -1;
        }
        int tag = t & TAG;
        if (b[p] == (byte) 0xC3 && WbxmlTypes.INTEGER_READ[tag]) {
            p++;
            int len = mbUint();
            if (len > 7 || len > end - p) {
                throw NOT_PLAIN;
            }
            long v = number(p, len);
            p += len;
            spend(len * 3 + 1);
            closeLeaf();
            if (v > Integer.MAX_VALUE) {
                throw NOT_PLAIN;
            }
            return v;
        }
        return integer(text(t), t);
    }

    @Override
    protected WvNode node(int t) throws WvDecodeException {
        String name = TagTable.name(t & TAG);
        if ((t & CONTENT) == 0) {
            return new WvNode(name, null, List.of());
        }
        int base = openNodes();
        String text = null;
        while (true) {
            int k = b[p] & 0xFF;
            if (k == 0x03 || k == 0x80 || k == 0xC3) {
                if (text != null) {
                    throw NOT_PLAIN;
                }
                text = piece(t);
                continue;
            }
            int c = child();
            if (c < 0) {
                break;
            }
            addNode(node(c));
        }
        return new WvNode(name, text, children(base));
    }

    @Override
    protected PresenceSubList presence(int t) throws WvDecodeException {
        DirectPresence d = presence;
        if (d == null) {
            presence = d = new DirectPresence(this);
        }
        return d.read(t);
    }

    /** A string leaf of a presence attribute: {@code ""} for an empty element. */
    String leaf(int t) throws WvDecodeException {
        return str(t);
    }

    /** One piece of text (an inline string, a value token, an OPAQUE) of element {@code t}, leaving it open. */
    private String piece(int t) throws WvDecodeException {
        int k = u8();
        String s;
        if (k == 0x03) {
            return inline(t & TAG);
        } else if (k == 0x80) {
            s = TagTable.value(mbUint());
            if (s == null) {
                throw NOT_PLAIN;
            }
        } else if (k != 0xC3) {
            throw NOT_PLAIN;
        } else {
            int len = mbUint();
            if (len > end - p) {
                throw NOT_PLAIN;
            }
            int at = p;
            p += len;
            int tag = t & TAG;
            if (WbxmlTypes.INTEGER_READ[tag] && len <= 7) {
                spend(len * 3 + 1);
                return Long.toString(number(at, len));
            }
            s = values.opaque(b, tag, at, len);
        }
        spend(s.length());
        return s;
    }

    /** The inline string from here, the text of element {@code tag}. */
    private String inline(int tag) {
        int at = p;
        int len = skipInline();
        spend(len); // bytes: never fewer than the chars they make
        return values.string(b, tag, at, len);
    }

    /** Passes the inline string from here and its NUL, giving its length. */
    private int skipInline() {
        int nul = values.nul(b, p, end);
        int len = nul - p;
        p = nul + 1;
        return len;
    }

    private void closeLeaf() {
        if (u8() != 0x01) {
            throw NOT_PLAIN; // more than one piece of text, or children
        }
        depth--;
    }

    // ------------------------------------------------------------------ values

    private long number(int at, int len) {
        return DirectValues.number(b, at, len);
    }

    private void spend(int chars) {
        textBudget -= chars;
        if (textBudget < 0) {
            throw NOT_PLAIN;
        }
    }

    // ------------------------------------------------------------------ bytes

    private int u8() {
        if (p >= end) {
            throw NOT_PLAIN;
        }
        return b[p++] & 0xFF;
    }

    private int mbUint() {
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int c = u8();
            v = (v << 7) | (c & 0x7F);
            if ((c & 0x80) == 0) {
                return v;
            }
        }
        throw NOT_PLAIN;
    }
}
