package io.mobim.wv.xml;

import io.mobim.wv.CspVersion;
import io.mobim.wv.bind.Binder;
import io.mobim.wv.bind.Assembler;
import io.mobim.wv.bind.KeptElements;
import io.mobim.wv.bind.SharedStrings;
import io.mobim.wv.bind.TagTable;
import io.mobim.wv.model.WvNode;
import io.mobim.wv.model.presence.AttributeShape;
import io.mobim.wv.model.presence.OtherAttribute;
import io.mobim.wv.model.presence.PresenceAttribute;
import io.mobim.wv.bind.TagBytes;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The fast path of {@link XmlDecoder}: reads a UTF-8 document straight from its bytes, without
 * StAX, when it stays within the plain subset CSP clients send: an optional XML declaration
 * (version 1.0, UTF-8), unprefixed elements, attributes without entity references (only a
 * default {@code xmlns} is kept), text with the predefined entities and character references,
 * whitespace around the root. Anything else (a DOCTYPE, comments, CDATA, processing instructions,
 * namespace prefixes, carriage returns, an unusual depth or root) makes {@link #scan()} answer
 * {@code false} and the caller reads the document again with StAX, so errors and the rare
 * constructs keep exactly the StAX behaviour. Feeds the same events to the {@link Assembler} as the
 * StAX path does.
 * One pass, no recursion, every index checked against the end; not thread-safe, one document at a time
 * ({@link #forThread} gives the thread's, with its assembler and arrays, for the next).
 */
final class XmlScanner {

    private static final int MAX_NAME = 256;
    private static final int MAX_ATTRIBUTES = 16;
    private static final byte[] XMLNS = {'x', 'm', 'l', 'n', 's'};
    /** The namespaces of every CSP version, and their bytes. */
    private static final String[] CSP_NAMESPACES = Arrays.stream(CspVersion.values())
            .flatMap(v -> java.util.stream.Stream.of(v.cspNamespace(), v.trcNamespace(), v.paNamespace()))
            .toArray(String[]::new);
    private static final byte[][] CSP_NAMESPACE_BYTES = Arrays.stream(CSP_NAMESPACES)
            .map(n -> n.getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);


    private byte[] b;
    private int end;
    private int maxDepth;
    private int p;

    private Assembler into;
    String rootNs;
    String trcNs;

    private int depth;
    private int skip;
    private int[] nameOff;
    private int[] nameLen;
    private String[] ns;
    private final int[] attrOff = new int[MAX_ATTRIBUTES];
    private final int[] attrLen = new int[MAX_ATTRIBUTES];
    /** {@link TagBytes#step}'s hash of the name {@link #name()} last read. */
    private int nameHash;

    /** The recurring values of text, this thread's. */
    private final SharedStrings shared = new SharedStrings();

    XmlScanner(byte[] b, int off, int end, int maxDepth, Assembler into) {
        this(Math.min(maxDepth, 32));
        start(b, off, end, maxDepth, into);
    }

    private XmlScanner(int depths) {
        nameOff = new int[depths];
        nameLen = new int[depths];
        ns = new String[depths];
    }

    private static final ThreadLocal<XmlScanner> SCANNER = ThreadLocal.withInitial(() -> new XmlScanner(32));

    /**
     * This thread's scanner, set to read {@code b[off, end)} into its own assembler ({@link #assembler}), cleared:
     * a document costs no scanner, assembler, frames nor arrays.
     */
    static XmlScanner forThread(byte[] b, int off, int end, int maxDepth) {
        XmlScanner s = SCANNER.get();
        Assembler a = s.into;
        if (a == null) {
            a = new Assembler(true);
        } else {
            a.clear();
        }
        s.start(b, off, end, maxDepth, a);
        return s;
    }

    private void start(byte[] b, int off, int end, int maxDepth, Assembler into) {
        this.into = into;
        this.b = b;
        this.p = off;
        this.end = end;
        this.maxDepth = maxDepth;
        rootNs = null;
        trcNs = null;
        depth = 0;
        skip = 0;
        keptDepth = -1;
    }

    /** The assembler the document went to. */
    Assembler assembler() {
        return into;
    }

    /** True if the whole document went to the assembler; false: read it with StAX instead (and a new assembler). */
    boolean scan() {
        try {
            return document();
        } catch (RuntimeException unexpected) {
            return false; // defensive: every index is checked; StAX then gives its own verdict
        }
    }

    private boolean document() {
        if (!declaration()) {
            return false;
        }
        space();
        if (p >= end || b[p] != '<') {
            return false;
        }
        while (true) {
            if (p + 1 >= end) {
                return false;
            }
            int c = b[p + 1];
            if (c == '/') {
                if (!endTag()) {
                    return false;
                }
            } else if (c == '!' || c == '?') {
                return false;
            } else if (!startTag()) {
                return false;
            }
            if (depth == 0) {
                break;
            }
            if (!text()) {
                return false;
            }
        }
        space();
        return p == end;
    }

    /** {@code <?xml version="1.0" [encoding="UTF-8"] [standalone="yes|no"]?>}, or none. */
    private boolean declaration() {
        if (p + 1 >= end || b[p] != '<' || b[p + 1] != '?') {
            return true;
        }
        if (!literal("<?xml") || !space()) {
            return false;
        }
        int v = value("version");
        if (v < 0 || !region(v, "1.0")) {
            return false;
        }
        boolean sp = space();
        if (sp && p < end && b[p] == 'e') {
            int e = value("encoding");
            if (e < 0 || !regionIgnoreCase(e, "UTF-8")) {
                return false;
            }
            sp = space();
        }
        if (sp && p < end && b[p] == 's') {
            int s = value("standalone");
            if (s < 0 || !region(s, "yes") && !region(s, "no")) {
                return false;
            }
            space();
        }
        return literal("?>");
    }

    /** {@code name S? = S? "value"} of the declaration: the value's start (its end is p - 1), or -1. */
    private int value(String name) {
        if (!literal(name)) {
            return -1;
        }
        space();
        if (!literal("=")) {
            return -1;
        }
        space();
        if (p >= end || b[p] != '"' && b[p] != '\'') {
            return -1;
        }
        byte q = b[p++];
        int s = p;
        while (p < end && b[p] != q) {
            if (b[p] < 0x20) {
                return -1;
            }
            p++;
        }
        if (p >= end) {
            return -1;
        }
        p++;
        return s;
    }

    private boolean region(int s, String expected) {
        int len = p - 1 - s;
        if (len != expected.length()) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (b[s + i] != expected.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** {@link #region} with ASCII letters in either case (the value's bytes are ASCII: {@link #value} checked). */
    private boolean regionIgnoreCase(int s, String expected) {
        int len = p - 1 - s;
        if (len != expected.length()) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            int c = b[s + i];
            int e = expected.charAt(i);
            if (c != e && (!Character.isLetter(e) || (c | 0x20) != (e | 0x20))) {
                return false;
            }
        }
        return true;
    }

    private boolean literal(String s) {
        int n = s.length();
        if (end - p < n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (b[p + i] != s.charAt(i)) {
                return false;
            }
        }
        p += n;
        return true;
    }

    /** The namespace in {@code b[off, off + len)}: the CSP's own Strings for the CSP's namespaces. */
    private String namespace(int off, int len) {
        for (int i = 0; i < CSP_NAMESPACES.length; i++) {
            byte[] n = CSP_NAMESPACE_BYTES[i];
            if (n.length == len && Arrays.equals(b, off, off + len, n, 0, len)) {
                return CSP_NAMESPACES[i];
            }
        }
        return new String(b, off, len, StandardCharsets.ISO_8859_1);
    }

    /** Skips XML whitespace; true if there was some. */
    private boolean space() {
        int s = p;
        while (p < end) {
            int c = b[p];
            if (c != ' ' && c != '\n' && c != '\t' && c != '\r') {
                break;
            }
            p++;
        }
        return p > s;
    }

    private int name() {
        final byte[] a = b;
        int s = p;
        int i = s;
        if (i >= end || a[i] < 0 || (XmlText.NAME[a[i]] & 1) == 0) {
            return -1;
        }
        int h = a[i++];
        for (int c; i < end && XmlText.nameChar(c = a[i]); i++) {
            h = TagBytes.step(h, c);
        }
        p = i;
        nameHash = h;
        int len = i - s;
        return len > MAX_NAME ? -1 : len;
    }

    private boolean startTag() {
        p++; // '<'
        int off = p;
        int len = name();
        if (len < 0) {
            return false;
        }
        int hash = nameHash;
        String xmlns = null;
        int attrs = 0;
        boolean empty;
        while (true) {
            boolean sp = space();
            if (p >= end) {
                return false;
            }
            int c = b[p];
            if (c == '>') {
                p++;
                empty = false;
                break;
            }
            if (c == '/') {
                if (p + 1 < end && b[p + 1] == '>') {
                    p += 2;
                    empty = true;
                    break;
                }
                return false;
            }
            if (!sp || attrs == MAX_ATTRIBUTES) {
                return false;
            }
            int aOff = p;
            int aLen = name();
            if (aLen < 0) {
                return false;
            }
            for (int i = 0; i < attrs; i++) {
                if (attrLen[i] == aLen && Arrays.equals(b, attrOff[i], attrOff[i] + aLen, b, aOff, aOff + aLen)) {
                    return false; // duplicate attribute: StAX reports it
                }
            }
            attrOff[attrs] = aOff;
            attrLen[attrs++] = aLen;
            space();
            if (p >= end || b[p] != '=') {
                return false;
            }
            p++;
            space();
            if (p >= end || b[p] != '"' && b[p] != '\'') {
                return false;
            }
            byte q = b[p++];
            int vOff = p;
            while (p < end && b[p] != q) {
                int v = b[p];
                if (v < 0x20 || v == '<' || v == '&') { // negative: non-ASCII
                    return false;
                }
                p++;
            }
            if (p >= end) {
                return false;
            }
            int vLen = p - vOff;
            p++;
            if (aLen == 5 && Arrays.equals(b, aOff, aOff + 5, XMLNS, 0, 5)) {
                if (vLen == 0) {
                    return false;
                }
                xmlns = namespace(vOff, vLen);
                if (xmlns.startsWith("http://www.w3.org/")) {
                    return false; // the reserved namespaces: StAX decides
                }
            }
        }
        if (depth >= maxDepth) {
            return false;
        }
        int tag = skip > 0 ? -1 : TagBytes.id(b, off, len, hash);
        if (depth == 0 && tag != Binder.WV_CSP_MESSAGE) {
            return false;
        }
        if (depth == nameOff.length) {
            int n = Math.min(maxDepth, depth * 2);
            nameOff = Arrays.copyOf(nameOff, n);
            nameLen = Arrays.copyOf(nameLen, n);
            ns = Arrays.copyOf(ns, n);
        }
        String scope = xmlns != null ? xmlns : depth > 0 ? ns[depth - 1] : null;
        if (depth == 0) {
            rootNs = scope;
        }
        if (skip == 0 && tag >= 0 && !empty && attrs == 0 && NESTING[tag] >= 0 && keptDepth < 0
                && end - off > KeptElements.MIN_BYTES && into.inPresenceList()) {
            int from = off - 1; // '<'
            KeptElements<WvNode> kept = kept();
            WvNode n = kept.get(b, from, end, 0);
            if (n != null && depth + 1 + NESTING[tag] < maxDepth) {
                into.node(n);
                p = from + kept.length();
                return true;
            }
            keptDepth = depth;
            keptFrom = from;
        }
        if (skip > 0 || tag < 0) {
            skip++;
        } else {
            into.start(tag);
            if (tag == Binder.TRANSACTION_CONTENT && trcNs == null) {
                trcNs = scope;
            }
        }
        nameOff[depth] = off;
        nameLen[depth] = len;
        ns[depth] = scope;
        depth++;
        if (empty) {
            close();
        }
        return true;
    }

    /** The end tag of the open element: its name compared with the start tag's in place, not read again. */
    private boolean endTag() {
        p += 2; // "</"
        if (depth == 0) {
            return false;
        }
        int d = depth - 1;
        int off = nameOff[d];
        int len = nameLen[d];
        int e = p + len;
        if (e >= end) {
            return false;
        }
        final byte[] a = b;
        if (!TagBytes.same(a, p, a, off, len)) {
            return false;
        }
        p = e;
        if (XmlText.nameChar(a[e])) {
            return false; // a longer name
        }
        space();
        if (p >= end || b[p] != '>') {
            return false;
        }
        p++;
        close();
        return true;
    }

    private void close() {
        depth--;
        if (skip > 0) {
            skip--;
        } else {
            into.end();
            if (depth == keptDepth) {
                keptDepth = -1;
                WvNode n = into.lastNode();
                if (n != null && kept.keeps(p - keptFrom) && !(PresenceAttribute.of(n) instanceof OtherAttribute)) {
                    kept.put(b, keptFrom, p - keptFrom, 0, n, 0, 0);
                }
            }
        }
    }

    /**
     * A typed presence attribute in a PresenceSubList whose bytes were read before is added as the tree it gave
     * then ({@link KeptElements}), not read again. Only an attribute that has its record's form is kept: its
     * content is leaves (and CommCs of leaves), so reading it has no effect beyond its tree.
     */
    private static final int[] NESTING = new int[TagTable.SIZE];
    /** The scanner's own (a thread's, through {@link #forThread}), once a document has a presence list. */
    private KeptElements<WvNode> kept;
    /** The depth and start of the attribute being read to be kept, or -1. */
    private int keptDepth = -1;
    private int keptFrom;

    static {
        Arrays.fill(NESTING, -1);
        for (AttributeShape s : AttributeShape.values()) {
            NESTING[TagTable.id(s.element())] = s.hasCommCs() ? 1 : 0;
        }
    }

    private KeptElements<WvNode> kept() {
        KeptElements<WvNode> k = kept;
        if (k == null) {
            kept = k = new KeptElements<>(256);
        }
        return k;
    }

    /** Character data up to the next {@code <}, appended to the open element unless skipped. */
    private boolean text() {
        int s = p;
        long r = XmlText.scan(b, s, end);
        if (r < 0) {
            return false;
        }
        int i = (int) r;
        p = i;
        if (i == s) {
            return true;
        }
        if ((r & XmlText.OTHER) == 0) {
            if (skip == 0) {
                into.text(XmlText.ascii(b, s, i - s, into.tag(), shared));
            }
            return true;
        }
        String t = XmlText.decode(b, s, i, r);
        if (t == null) {
            return false;
        }
        if (skip == 0) {
            into.text(t);
        }
        return true;
    }

}
