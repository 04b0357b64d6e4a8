package io.mobim.wv.wbxml;

import io.mobim.wv.WvDecodeException;
import io.mobim.wv.bind.Collect;
import io.mobim.wv.bind.KeptElements;
import io.mobim.wv.bind.PlainReader;
import io.mobim.wv.bind.TagTable;
import io.mobim.wv.model.presence.AttributeShape;
import io.mobim.wv.model.presence.CommC;
import io.mobim.wv.model.presence.OtherAttribute;
import io.mobim.wv.model.presence.PresenceAttribute;
import io.mobim.wv.model.presence.PresenceSubList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A PresenceSubList on the direct path ({@link DirectReader}): each attribute of a typed shape straight into its
 * record, any other as a tree. A typed attribute not in the form of its shape is not the plain form (the general
 * path keeps it as a tree). One per reader, with the arrays it reads into (a PresenceSubList does not nest).
 */
final class DirectPresence {

    private static final int CONTENT = PlainReader.CONTENT;
    private static final int TAG = PlainReader.TAG;
    private static final RuntimeException NOT_PLAIN = PlainReader.NOT_PLAIN;

    /** The typed attribute shapes by element tag. */
    private static final AttributeShape[] SHAPES = new AttributeShape[TagTable.SIZE];
    /** The tags of each shape's leaves, by ordinal. */
    private static final int[][] LEAF_TAGS = new int[AttributeShape.values().length][];
    private static final int COMM_C = TagTable.id(CommC.ELEMENT);
    private static final int[] COMM_C_TAGS = tags(AttributeShape.COMM_C);
    private static final int QUALIFIER = TagTable.id("Qualifier");
    private static final int PRESENCE_VALUE = TagTable.id("PresenceValue");

    static {
        for (AttributeShape s : AttributeShape.values()) {
            SHAPES[TagTable.id(s.element())] = s;
            LEAF_TAGS[s.ordinal()] = tags(s.leaves());
        }
    }

    private static int[] tags(List<String> names) {
        return names.stream().mapToInt(TagTable::id).toArray();
    }

    private final DirectReader r;
    private PresenceAttribute[] attributes = new PresenceAttribute[8];
    /** The leaves of the attribute being read, and of its CommC (their values go into the record at once). */
    private final String[] leaves = new String[AttributeShape.MAX_LEAVES];
    private final String[] commCLeaves = new String[AttributeShape.COMM_C.size()];
    /** Typed presence attributes by their bytes, with the code page each leaves and what it costs the text budget. */
    private final KeptElements<PresenceAttribute> kept = new KeptElements<>(64);

    DirectPresence(DirectReader r) {
        this.r = r;
    }

    /** The PresenceSubList element {@code t}. */
    PresenceSubList read(int t) throws WvDecodeException {
        if ((t & CONTENT) == 0) {
            return new PresenceSubList(List.of());
        }
        PresenceAttribute[] list = attributes;
        int n = 0;
        try {
            for (int c; (c = r.child()) >= 0; ) {
                AttributeShape s = SHAPES[c & TAG];
                PresenceAttribute a = s == null ? new OtherAttribute(r.node(c)) : shared(s, c);
                if (n == list.length) {
                    attributes = list = Arrays.copyOf(list, n * 2);
                }
                list[n++] = a;
            }
            return new PresenceSubList(Collect.list(list, 0, n));
        } finally {
            Arrays.fill(list, 0, n, null);
        }
    }

    /**
     * A typed attribute: the record {@link KeptElements} keeps for its bytes, or else read. A kept record was
     * read from the same bytes on the same code page, so only the checks that depend on the document (its depth,
     * its text budget) are made again, by reading it when they would fail.
     */
    private PresenceAttribute shared(AttributeShape s, int t) throws WvDecodeException {
        byte[] b = r.b;
        int from = r.p - 1; // the tag, unless it had attributes (their END)
        if ((t & CONTENT) == 0 || b[from] == 0x01 || r.end - from < KeptElements.MIN_BYTES) {
            return typed(s, t);
        }
        int startPage = r.page;
        PresenceAttribute a = kept.get(b, from, r.end, startPage);
        // the elements of a CommCap nest one deeper than its leaves
        int nesting = s.hasCommCs() ? 1 : 0;
        if (a != null && r.depth + nesting < r.maxDepth && r.textBudget >= kept.second()) {
            r.p = from + kept.length();
            r.page = kept.first();
            r.depth--;
            r.textBudget -= kept.second();
            return a;
        }
        long budget = r.textBudget;
        a = typed(s, t);
        if (kept.keeps(r.p - from)) {
            kept.put(b, from, r.p - from, startPage, a, r.page, (int) (budget - r.textBudget));
        }
        return a;
    }

    private PresenceAttribute typed(AttributeShape s, int t) throws WvDecodeException {
        if (s.isValue()) {
            return value(s, t);
        }
        String[] texts = leaves;
        int[] tags = LEAF_TAGS[s.ordinal()];
        Arrays.fill(texts, 0, Math.max(2, tags.length), null); // build reads a value leaf of every shape
        CommC first = null;
        ArrayList<CommC> more = null;
        if ((t & CONTENT) != 0) {
            int next = 0;
            for (int c; (c = r.child()) >= 0; ) {
                int tag = c & TAG;
                if (tag == COMM_C && s.hasCommCs()) {
                    if (first == null) {
                        first = commC(c);
                    } else {
                        if (more == null) {
                            more = new ArrayList<>(4);
                            more.add(first);
                        }
                        more.add(commC(c));
                    }
                    next = tags.length;
                    continue;
                }
                int i = index(tags, tag, next);
                texts[i] = r.leaf(c);
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
            for (int c; (c = r.child()) >= 0; ) {
                int tag = c & TAG;
                if (tag == QUALIFIER && next == 0) {
                    q = r.leaf(c);
                    next = 1;
                } else if (tag == PRESENCE_VALUE && next < 2) {
                    v = r.leaf(c);
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

    private CommC commC(int t) throws WvDecodeException {
        String[] texts = commCLeaves;
        Arrays.fill(texts, null);
        if ((t & CONTENT) != 0) {
            int next = 0;
            for (int c; (c = r.child()) >= 0; ) {
                int i = index(COMM_C_TAGS, c & TAG, next);
                texts[i] = r.leaf(c);
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
}
