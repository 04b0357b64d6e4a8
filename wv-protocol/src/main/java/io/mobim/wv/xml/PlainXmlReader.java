package io.mobim.wv.xml;

import io.mobim.wv.CspVersion;
import io.mobim.wv.WvDecodeException;
import io.mobim.wv.bind.Binder;
import io.mobim.wv.bind.KeptElements;
import io.mobim.wv.bind.PlainReader;
import io.mobim.wv.bind.SharedStrings;
import io.mobim.wv.bind.TagBytes;
import io.mobim.wv.bind.TagTable;
import io.mobim.wv.model.WvMessage;
import io.mobim.wv.model.WvNode;
import io.mobim.wv.model.presence.AttributeShape;
import io.mobim.wv.model.presence.OtherAttribute;
import io.mobim.wv.model.presence.PresenceAttribute;
import io.mobim.wv.model.presence.PresenceSubList;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the XML form handsets send (and {@link XmlEncoder} writes) straight into the records
 * ({@link PlainReader}), without the events and frames of the general path: UTF-8, the usual declaration or none,
 * the root with the namespace of CSP 1.1 or 1.2 as its only attribute, no attribute elsewhere but a CSP namespace,
 * start and end tags without blanks, no text between elements (indentation included), known elements only. Anything
 * else gives {@code null}, and the decoder reads the document with {@link XmlScanner} (and StAX), which give the same
 * message or the error. One per thread ({@link #read}), one document at a time.
 */
final class PlainXmlReader extends PlainReader {

    private static final byte[] DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] XMLNS = " xmlns=\"".getBytes(StandardCharsets.US_ASCII);
    /** The root's namespaces, by version. */
    private static final CspVersion[] ROOT_VERSIONS = {CspVersion.V1_1, CspVersion.V1_2};
    private static final byte[][] ROOT_NAMESPACES = Arrays.stream(ROOT_VERSIONS)
            .map(v -> v.cspNamespace().getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);
    /** Every CSP namespace: the only attribute an element other than the root may have. */
    private static final byte[][] NAMESPACES = Arrays.stream(CspVersion.values())
            .flatMap(v -> java.util.stream.Stream.of(v.cspNamespace(), v.trcNamespace(), v.paNamespace()))
            .map(n -> n.getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);
    /** By tag: how much deeper than its element a typed presence attribute nests, or -1 for other elements. */
    private static final int[] NESTING = new int[TagTable.SIZE];

    static {
        Arrays.fill(NESTING, -1);
        for (AttributeShape s : AttributeShape.values()) {
            NESTING[TagTable.id(s.element())] = s.hasCommCs() ? 1 : 0;
        }
    }

    private static final ThreadLocal<PlainXmlReader> READER = ThreadLocal.withInitial(PlainXmlReader::new);

    private byte[] b;
    private int end;
    private int maxDepth;
    private int p;
    private int depth;
    /** The names of the open elements: where each is and its length, so an end tag is compared in place. */
    private int[] nameOff = new int[32];
    private int[] nameLen = new int[32];
    /** Where the start tag {@link #child} last read begins. */
    private int tagStart;
    private final SharedStrings shared = new SharedStrings();
    /** Typed presence attributes by their bytes, as trees (the general path types a presence list's tree). */
    private KeptElements<WvNode> kept;

    private PlainXmlReader() {
    }

    /** The message of {@code b[off, end)}, or {@code null} if it is not in the plain form or is not valid. */
    static WvMessage read(byte[] b, int off, int end, int maxDepth) {
        PlainXmlReader r = READER.get();
        r.b = b;
        r.p = off;
        r.end = end;
        r.maxDepth = maxDepth;
        r.depth = 0;
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
        if (end - p >= DECLARATION.length && Arrays.equals(b, p, p + DECLARATION.length, DECLARATION, 0,
                DECLARATION.length)) {
            p += DECLARATION.length;
        }
        if (maxDepth < 1 || p >= end || b[p] != '<') {
            throw NOT_PLAIN;
        }
        p++;
        int nameAt = p;
        if (name() != Binder.WV_CSP_MESSAGE) {
            throw NOT_PLAIN;
        }
        open(nameAt, p - nameAt);
        CspVersion version = ROOT_VERSIONS[namespace(ROOT_NAMESPACES)];
        if (p >= end || b[p++] != '>') {
            throw NOT_PLAIN;
        }
        WvMessage m = content(version);
        if (p != end) {
            throw NOT_PLAIN;
        }
        return m;
    }

    /** The tag of the element name from here, which is passed. */
    private int name() {
        final byte[] a = b;
        int s = p;
        int i = s;
        if (i >= end || a[i] < 0 || (XmlText.NAME[a[i]] & 1) == 0) {
            throw NOT_PLAIN;
        }
        int h = a[i++];
        for (int c; i < end && XmlText.nameChar(c = a[i]); i++) {
            h = TagBytes.step(h, c);
        }
        p = i;
        int tag = TagBytes.id(a, s, i - s, h);
        if (tag < 0) {
            throw NOT_PLAIN;
        }
        return tag;
    }

    /** An {@code xmlns} attribute from here, one of {@code known}: its index. */
    private int namespace(byte[][] known) {
        int s = p + XMLNS.length;
        if (s > end || !Arrays.equals(b, p, s, XMLNS, 0, XMLNS.length)) {
            throw NOT_PLAIN;
        }
        for (int k = 0; k < known.length; k++) {
            byte[] n = known[k];
            int e = s + n.length;
            if (e < end && b[e] == '"' && Arrays.equals(b, s, e, n, 0, n.length)) {
                p = e + 1;
                return k;
            }
        }
        throw NOT_PLAIN;
    }

    private void open(int nameAt, int len) {
        if (depth == nameOff.length) {
            nameOff = Arrays.copyOf(nameOff, depth * 2);
            nameLen = Arrays.copyOf(nameLen, depth * 2);
        }
        nameOff[depth] = nameAt;
        nameLen[depth] = len;
        depth++;
    }

    /** The end tag of the open element from {@code at} (past its {@code </}): its name compared in place. */
    private void close(int at) {
        int d = depth - 1;
        int len = nameLen[d];
        int e = at + len;
        if (e >= end || !TagBytes.same(b, at, b, nameOff[d], len) || b[e] != '>') {
            throw NOT_PLAIN; // another name, a longer one, or blanks: the general path decides
        }
        p = e + 1;
        depth = d;
    }

    @Override
    protected int child() {
        int i = p;
        if (i + 1 >= end || b[i] != '<') {
            throw NOT_PLAIN; // text between elements
        }
        if (b[i + 1] == '/') {
            close(i + 2);
            return -1;
        }
        if (depth >= maxDepth) {
            throw NOT_PLAIN;
        }
        tagStart = i;
        p = i + 1;
        int tag = name();
        int len = p - i - 1;
        if (p < end && b[p] == ' ') {
            namespace(NAMESPACES);
        }
        if (p < end && b[p] == '>') {
            p++;
            open(i + 1, len);
            return tag | CONTENT;
        }
        if (p + 1 < end && b[p] == '/' && b[p + 1] == '>') {
            p += 2;
            return tag;
        }
        throw NOT_PLAIN;
    }

    @Override
    protected String text(int t) {
        if ((t & CONTENT) == 0) {
            return null;
        }
        int s = p;
        long r = XmlText.scan(b, s, end);
        if (r < 0) {
            throw NOT_PLAIN;
        }
        int i = (int) r;
        String v = null;
        if (i > s) {
            v = (r & XmlText.OTHER) == 0 ? XmlText.ascii(b, s, i - s, t & TAG, shared) : XmlText.decode(b, s, i, r);
            if (v == null) {
                throw NOT_PLAIN;
            }
        }
        if (i + 1 >= end || b[i + 1] != '/') {
            throw NOT_PLAIN; // an element in a leaf
        }
        close(i + 2);
        return v;
    }

    @Override
    protected long integer(int t) throws WvDecodeException {
        return integer(text(t), t);
    }

    @Override
    protected WvNode node(int t) throws WvDecodeException {
        String name = TagTable.name(t & TAG);
        if ((t & CONTENT) == 0) {
            return new WvNode(name, null, List.of());
        }
        if (p < end && b[p] != '<') {
            return new WvNode(name, text(t), List.of());
        }
        int base = openNodes();
        for (int c; (c = child()) >= 0; ) {
            addNode(node(c));
        }
        return new WvNode(name, null, children(base));
    }

    /**
     * A PresenceSubList, read as a tree and typed as the general path does; a typed attribute read before is found by
     * its bytes ({@link KeptElements}) instead of read again, when the depth limit allows its elements.
     */
    @Override
    protected PresenceSubList presence(int t) throws WvDecodeException {
        String name = TagTable.name(t & TAG);
        if ((t & CONTENT) == 0) {
            return PresenceSubList.of(new WvNode(name, null, List.of()));
        }
        int base = openNodes();
        for (int c; (c = child()) >= 0; ) {
            int from = tagStart;
            int nesting = NESTING[c & TAG];
            if (nesting < 0 || (c & CONTENT) == 0 || end - from <= KeptElements.MIN_BYTES) {
                addNode(node(c));
                continue;
            }
            KeptElements<WvNode> k = kept();
            WvNode n = k.get(b, from, end, 0);
            if (n != null && depth + nesting < maxDepth) {
                p = from + k.length();
                depth--;
            } else {
                n = node(c);
                if (k.keeps(p - from) && !(PresenceAttribute.of(n) instanceof OtherAttribute)) {
                    k.put(b, from, p - from, 0, n, 0, 0);
                }
            }
            addNode(n);
        }
        return PresenceSubList.of(new WvNode(name, null, children(base)));
    }

    private KeptElements<WvNode> kept() {
        KeptElements<WvNode> k = kept;
        if (k == null) {
            kept = k = new KeptElements<>(256);
        }
        return k;
    }
}
