package io.mobim.wv.wbxml;

import io.mobim.wv.CspVersion;
import io.mobim.wv.WvDecodeException;
import io.mobim.wv.bind.Binder;
import io.mobim.wv.bind.Collect;
import io.mobim.wv.bind.KeptElements;
import io.mobim.wv.bind.PlainReader;
import io.mobim.wv.bind.SharedStrings;
import io.mobim.wv.bind.TagTable;
import io.mobim.wv.model.WvMessage;
import io.mobim.wv.model.WvNode;
import io.mobim.wv.model.presence.AttributeShape;
import io.mobim.wv.model.presence.CommC;
import io.mobim.wv.model.presence.OtherAttribute;
import io.mobim.wv.model.presence.PresenceAttribute;
import io.mobim.wv.model.presence.PresenceSubList;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the WBXML form handsets send (and {@link WbxmlEncoder} writes) straight into the records
 * ({@link PlainReader}): a numeric CSP public id, UTF-8, no string table, every value one inline
 * string, value token or {@code OPAQUE}. Anything else gives {@code null}, and the caller decodes the
 * document again on the general path. One per document.
 */
final class DirectReader extends PlainReader {

    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** The typed attribute shapes by element tag. */
    private static final AttributeShape[] SHAPES = new AttributeShape[TagTable.SIZE];
    /** The tags of each shape's leaves, by ordinal. */
    private static final int[][] LEAF_TAGS = new int[AttributeShape.values().length][];
    private static final int COMM_C = TagTable.id(CommC.ELEMENT);
    private static final int[] COMM_C_TAGS = tags(AttributeShape.COMM_C);
    private static final int QUALIFIER = TagTable.id("Qualifier");
    private static final int PRESENCE_VALUE = TagTable.id("PresenceValue");
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
        for (AttributeShape s : AttributeShape.values()) {
            SHAPES[TagTable.id(s.element())] = s;
            LEAF_TAGS[s.ordinal()] = tags(s.leaves());
        }
    }

    private static int[] tags(List<String> names) {
        return names.stream().mapToInt(TagTable::id).toArray();
    }

    private final byte[] b;
    private final int end;
    private final int maxDepth;
    private int p;
    private int page;
    private int depth;
    private long textBudget;
    /** Whether the inline string {@link #skipInline} last passed is ASCII. */
    private boolean ascii;
    /** What the thread keeps from one document to the next. */
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);
    /** This thread's, once the document needs it. */
    private Scratch scratch;

    private static final class Scratch {
        final SharedStrings shared = new SharedStrings();
        /** The arrays for reading a PresenceSubList (it does not nest). */
        PresenceAttribute[] attributes = new PresenceAttribute[8];
        /** The leaves of the attribute being read, and of its CommC (their values go into the record at once). */
        final String[] leaves = new String[AttributeShape.MAX_LEAVES];
        final String[] commCLeaves = new String[AttributeShape.COMM_C.size()];
        /** The text of the date-time being read. */
        final byte[] date = new byte[WbxmlTypes.DATE_TEXT];
        /** Typed presence attributes by their bytes, with the code page each leaves and what it costs the text budget. */
        private KeptElements<PresenceAttribute> keptAttributes;

        KeptElements<PresenceAttribute> attributes() {
            KeptElements<PresenceAttribute> k = keptAttributes;
            if (k == null) {
                keptAttributes = k = new KeptElements<>(64);
            }
            return k;
        }
    }

    private DirectReader(byte[] b, int off, int end, int maxDepth) {
        this.b = b;
        this.p = off;
        this.end = end;
        this.maxDepth = maxDepth;
        this.textBudget = 4L * (end - off) + 4096;
    }

    /** The message, or {@code null} if the document is not in the plain form or is not valid. */
    static WvMessage read(byte[] b, int off, int end, int maxDepth) {
        try {
            return new DirectReader(b, off, end, maxDepth).message();
        } catch (RuntimeException | WvDecodeException e) {
            return null; // NOT_PLAIN, a bad value, or bytes cut short: the general path says what
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
            return new WvNode(name, null, java.util.List.of());
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

    /**
     * A PresenceSubList: each attribute of a typed shape straight into its record, any other as a tree. A typed
     * attribute not in the form of its shape is not the plain form (the general path keeps it as a tree).
     */
    @Override
    protected PresenceSubList presence(int t) throws WvDecodeException {
        if ((t & CONTENT) == 0) {
            return new PresenceSubList(List.of());
        }
        Scratch scratch = scratch();
        PresenceAttribute[] attributes = scratch.attributes;
        int n = 0;
        try {
            for (int c; (c = child()) >= 0; ) {
                AttributeShape s = SHAPES[c & TAG];
                PresenceAttribute a = s == null ? new OtherAttribute(node(c)) : shared(s, c, scratch);
                if (n == attributes.length) {
                    scratch.attributes = attributes = java.util.Arrays.copyOf(attributes, n * 2);
                }
                attributes[n++] = a;
            }
            return new PresenceSubList(Collect.list(attributes, 0, n));
        } finally {
            java.util.Arrays.fill(attributes, 0, n, null);
        }
    }

    /**
     * A typed attribute: the record {@link KeptElements} keeps for its bytes, or else read. A kept record was
     * read from the same bytes on the same code page, so only the checks that depend on the document (its depth,
     * its text budget) are made again, by reading it when they would fail.
     */
    private PresenceAttribute shared(AttributeShape s, int t, Scratch scratch) throws WvDecodeException {
        int from = p - 1; // the tag, unless it had attributes (their END)
        if ((t & CONTENT) == 0 || b[from] == 0x01 || end - from < KeptElements.MIN_BYTES) {
            return typed(s, t, scratch);
        }
        int startPage = page;
        KeptElements<PresenceAttribute> kept = scratch.attributes();
        PresenceAttribute a = kept.get(b, from, end, startPage);
        // the elements of a CommCap nest one deeper than its leaves
        int nesting = s.hasCommCs() ? 1 : 0;
        if (a != null && depth + nesting < maxDepth && textBudget >= kept.second()) {
            p = from + kept.length();
            page = kept.first();
            depth--;
            textBudget -= kept.second();
            return a;
        }
        long budget = textBudget;
        a = typed(s, t, scratch);
        if (kept.keeps(p - from)) {
            kept.put(b, from, p - from, startPage, a, page, (int) (budget - textBudget));
        }
        return a;
    }

    private PresenceAttribute typed(AttributeShape s, int t, Scratch scratch) throws WvDecodeException {
        if (s.isValue()) {
            return value(s, t);
        }
        String[] texts = scratch.leaves;
        int[] tags = LEAF_TAGS[s.ordinal()];
        java.util.Arrays.fill(texts, 0, Math.max(2, tags.length), null); // build reads a value leaf of every shape
        CommC first = null;
        ArrayList<CommC> more = null;
        if ((t & CONTENT) != 0) {
            int next = 0;
            for (int c; (c = child()) >= 0; ) {
                int tag = c & TAG;
                if (tag == COMM_C && s.hasCommCs()) {
                    if (first == null) {
                        first = commC(c, scratch.commCLeaves);
                    } else {
                        if (more == null) {
                            more = new ArrayList<>(4);
                            more.add(first);
                        }
                        more.add(commC(c, scratch.commCLeaves));
                    }
                    next = tags.length;
                    continue;
                }
                int i = index(tags, tag, next);
                texts[i] = str(c);
                next = i + 1;
            }
        }
        PresenceAttribute a = s.build(texts, more != null ? Collect.immutable(more) : first != null ? List.of(first) : List.of());
        if (a == null) {
            throw NOT_PLAIN;
        }
        return a;
    }

    /** A value shape's attribute: its Qualifier and PresenceValue read into locals, in that order, each at most once. */
    private PresenceAttribute value(AttributeShape s, int t) throws WvDecodeException {
        String q = null;
        String v = null;
        if ((t & CONTENT) != 0) {
            int next = 0;
            for (int c; (c = child()) >= 0; ) {
                int tag = c & TAG;
                if (tag == QUALIFIER && next == 0) {
                    q = str(c);
                    next = 1;
                } else if (tag == PRESENCE_VALUE && next < 2) {
                    v = str(c);
                    next = 2;
                } else {
                    throw NOT_PLAIN;
                }
            }
        }
        PresenceAttribute a = s.value(q, v);
        if (a == null) {
            throw NOT_PLAIN;
        }
        return a;
    }

    private CommC commC(int t, String[] texts) throws WvDecodeException {
        java.util.Arrays.fill(texts, null);
        if ((t & CONTENT) != 0) {
            int next = 0;
            for (int c; (c = child()) >= 0; ) {
                int i = index(COMM_C_TAGS, c & TAG, next);
                texts[i] = str(c);
                next = i + 1;
            }
        }
        return AttributeShape.commC(texts);
    }

    /** The position of {@code tag} in {@code tags} at or after {@code from}: a leaf out of order is not the plain form. */
    private static int index(int[] tags, int tag, int from) {
        for (int i = from; i < tags.length; i++) {
            if (tags[i] == tag) {
                return i;
            }
        }
        throw NOT_PLAIN;
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
            s = opaque(tag, at, len);
        }
        spend(s.length());
        return s;
    }

    /** The inline string from here, the text of element {@code tag}. */
    private String inline(int tag) {
        int at = p;
        int len = skipInline();
        spend(len); // bytes: never fewer than the chars they make
        return string(tag, at, len);
    }

    private void closeLeaf() {
        if (u8() != 0x01) {
            throw NOT_PLAIN; // more than one piece of text, or children
        }
        depth--;
    }

    // ------------------------------------------------------------------ values

    private String opaque(int tag, int at, int len) {
        if (WbxmlTypes.INTEGER_READ[tag]) {
            if (len > 8) {
                throw NOT_PLAIN;
            }
            return Long.toUnsignedString(number(at, len));
        }
        if (WbxmlTypes.DATE[tag]) {
            Scratch s = scratch();
            int n = WbxmlTypes.date(b, at, len, s.date);
            if (n >= 0) {
                // the date-times of a server's messages recur within the second: found, not made
                return SharedStrings.shares(tag, n) ? s.shared.get(s.date, 0, n)
                        : new String(s.date, 0, n, StandardCharsets.ISO_8859_1);
            }
        }
        return new String(b, at, len, StandardCharsets.UTF_8);
    }

    private long number(int at, int len) {
        long v = 0;
        for (int i = 0; i < len; i++) {
            v = v << 8 | (b[at + i] & 0xFF);
        }
        return v;
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

    /** The inline string of {@code len} bytes at {@code at}, the text of element {@code tag}. */
    private String string(int tag, int at, int len) {
        if (len == 1 && b[at] > 0) {
            return SharedStrings.oneChar(b[at]); // T and F of every boolean and Qualifier: no String to make
        }
        if (SharedStrings.shares(tag, len)) {
            return scratch().shared.get(b, at, len);
        }
        return new String(b, at, len, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    private Scratch scratch() {
        Scratch s = scratch;
        if (s == null) {
            scratch = s = SCRATCH.get();
        }
        return s;
    }

    /**
     * Passes the inline string from here and its NUL, eight bytes at a time, giving its length; notes whether it is
     * ASCII ({@link #ascii}), which the same pass tells, so a fresh String of it needs no UTF-8 check.
     */
    private int skipInline() {
        int s = p;
        int i = s;
        long high = 0;
        while (true) {
            if (i + Long.BYTES > end) {
                for (; i < end && b[i] != 0; i++) {
                    high |= b[i];
                }
                if (i >= end) {
                    throw NOT_PLAIN;
                }
                break;
            }
            long v = (long) LONG_LE.get(b, i);
            long z = (v - 0x0101010101010101L) & ~v & 0x8080808080808080L;
            if (z != 0) {
                // the lowest flagged byte is the first NUL; only the bytes before it are the string's
                high |= v & ((Long.lowestOneBit(z) >>> 7) - 1);
                i += Long.numberOfTrailingZeros(z) >>> 3;
                break;
            }
            high |= v;
            i += Long.BYTES;
        }
        ascii = (high & 0x8080808080808080L) == 0;
        p = i + 1;
        return i - s;
    }
}
