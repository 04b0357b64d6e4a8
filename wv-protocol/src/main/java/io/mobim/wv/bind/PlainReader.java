package io.mobim.wv.bind;

import io.mobim.wv.CspVersion;
import io.mobim.wv.WvDecodeException;
import io.mobim.wv.model.Primitive;
import io.mobim.wv.model.SessionDescriptor;
import io.mobim.wv.model.SessionType;
import io.mobim.wv.model.Transaction;
import io.mobim.wv.model.TransactionMode;
import io.mobim.wv.model.WvMessage;
import io.mobim.wv.model.WvNode;
import io.mobim.wv.model.presence.PresenceSubList;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a document in the plain form handsets send straight into the records, element by element: the envelope
 * here, each record by its generated reader ({@link RecordReaders}), the elements and their values by the format's
 * reader (WBXML or XML). Known elements each in its place and once where the envelope wants it once, every value one
 * piece of text, and a message that passes every check; anything else is not the plain form ({@link #NOT_PLAIN}),
 * and the decoder reads the document again on its general path ({@link Assembler}), which gives the same message or
 * the error, so results and errors cannot differ between the two.
 */
public abstract class PlainReader {

    /** The element has content (its end is still to come). */
    public static final int CONTENT = 1 << 16;
    /** The tag id part of {@link #child()}'s answer. */
    public static final int TAG = CONTENT - 1;

    /** Not the plain form: go the general way. Thrown without a stack trace, caught by the format's reader. */
    public static final RuntimeException NOT_PLAIN = new RuntimeException("not the plain form", null, false, false) {
    };

    /** The open trees' children, innermost last. */
    private WvNode[] nodes;
    private int nodeTop;

    protected PlainReader() {
    }

    /**
     * The next child element of the open element, as its tag id plus {@link #CONTENT} if it has
     * content (it is then open), or -1 at the open element's end.
     */
    protected abstract int child();

    /** The character data of element {@code t}, or {@code null} if it has none; the element is then closed. */
    protected abstract String text(int t) throws WvDecodeException;

    /** An integer component, or -1 for an empty (or blank) element. */
    protected abstract long integer(int t) throws WvDecodeException;

    /** An open-content tree: its element, its text, its children. */
    protected abstract WvNode node(int t) throws WvDecodeException;

    /** A PresenceSubList. */
    protected abstract PresenceSubList presence(int t) throws WvDecodeException;

    /** A string component: {@code ""} for an empty element. */
    protected final String str(int t) throws WvDecodeException {
        String s = text(t);
        return s == null ? "" : s;
    }

    /** A boolean component, or {@code null} for an empty element. */
    protected final Boolean bool(int t) throws WvDecodeException {
        return Assembler.bool(text(t), t & TAG);
    }

    /** The integer of a component's text, or -1 for none; one beyond an int is not the plain form. */
    protected static long integer(String s, int t) throws WvDecodeException {
        long v = s == null ? -1 : Assembler.integer(s, t & TAG);
        if (v > Integer.MAX_VALUE) {
            throw NOT_PLAIN;
        }
        return v;
    }

    /** Where the children of the tree being read start: {@link #children} takes them. */
    protected final int openNodes() {
        return nodeTop;
    }

    /** A child of the tree being read. */
    protected final void addNode(WvNode n) {
        if (nodes == null) {
            nodes = new WvNode[16];
        } else if (nodeTop == nodes.length) {
            nodes = java.util.Arrays.copyOf(nodes, nodeTop * 2);
        }
        nodes[nodeTop++] = n;
    }

    /** The children added since {@link #openNodes} gave {@code base}, as a list, and no longer held here. */
    protected final List<WvNode> children(int base) {
        List<WvNode> l = Collect.list(nodes, base, nodeTop - base);
        if (nodeTop > base) {
            java.util.Arrays.fill(nodes, base, nodeTop, null);
            nodeTop = base;
        }
        return l;
    }

    /** The open root's content, its Session alone, up to the root's end: the message in version {@code version}. */
    protected final WvMessage content(CspVersion version) throws WvDecodeException {
        int session = child();
        if ((session & TAG) != Binder.SESSION || (session & CONTENT) == 0) {
            throw NOT_PLAIN;
        }
        WvMessage m = session(version);
        if (child() >= 0) {
            throw NOT_PLAIN;
        }
        return m;
    }

    private WvMessage session(CspVersion version) throws WvDecodeException {
        boolean descriptor = false;
        boolean sawType = false;
        boolean sawId = false;
        String type = null;
        String sessionId = null;
        Transaction first = null;
        ArrayList<Transaction> more = null;
        for (int t; (t = child()) >= 0; ) {
            int tag = t & TAG;
            if (tag == Binder.TRANSACTION && (t & CONTENT) != 0) {
                Transaction tx = transaction();
                if (first == null) {
                    first = tx;
                } else {
                    if (more == null) {
                        more = new ArrayList<>(4);
                        more.add(first);
                    }
                    more.add(tx);
                }
            } else if (tag == Binder.SESSION_DESCRIPTOR && !descriptor) {
                descriptor = true;
                if ((t & CONTENT) != 0) {
                    for (int d; (d = child()) >= 0; ) {
                        if ((d & TAG) == Binder.SESSION_TYPE && !sawType) {
                            sawType = true;
                            type = text(d);
                        } else if ((d & TAG) == Binder.SESSION_ID && !sawId) {
                            sawId = true;
                            sessionId = text(d);
                        } else {
                            throw NOT_PLAIN;
                        }
                    }
                }
            } else {
                throw NOT_PLAIN;
            }
        }
        SessionType st = SessionType.parse(type);
        if (st == null && sawType || first == null) {
            throw NOT_PLAIN;
        }
        if (st == null) {
            st = sessionId == null ? SessionType.OUTBAND : SessionType.INBAND;
        }
        return new WvMessage(version, new SessionDescriptor(st, sessionId), more != null ? more : List.of(first));
    }

    private Transaction transaction() throws WvDecodeException {
        boolean descriptor = false;
        boolean sawMode = false;
        boolean sawId = false;
        boolean sawPoll = false;
        String mode = null;
        String id = null;
        String poll = null;
        Primitive primitive = null;
        for (int t; (t = child()) >= 0; ) {
            int tag = t & TAG;
            if (tag == Binder.TRANSACTION_DESCRIPTOR && !descriptor) {
                descriptor = true;
                if ((t & CONTENT) == 0) {
                    continue;
                }
                for (int d; (d = child()) >= 0; ) {
                    int dt = d & TAG;
                    if (dt == Binder.TRANSACTION_MODE && !sawMode) {
                        sawMode = true;
                        mode = text(d);
                    } else if (dt == Binder.TRANSACTION_ID && !sawId) {
                        sawId = true;
                        id = text(d);
                        if (id == null) {
                            id = "";
                        }
                    } else if (dt == Binder.POLL && !sawPoll) {
                        sawPoll = true;
                        poll = text(d);
                    } else {
                        throw NOT_PLAIN;
                    }
                }
            } else if (tag == Binder.TRANSACTION_CONTENT && primitive == null && (t & CONTENT) != 0) {
                int c = child();
                if (c < 0) {
                    throw NOT_PLAIN;
                }
                primitive = RecordReaders.primitive(this, c);
                if (child() >= 0) {
                    throw NOT_PLAIN;
                }
            } else {
                throw NOT_PLAIN;
            }
        }
        TransactionMode m = TransactionMode.parse(mode);
        if (m == null || primitive == null) {
            throw NOT_PLAIN;
        }
        return new Transaction(m, id, sawPoll ? Assembler.bool(poll, Binder.POLL) : null, primitive);
    }
}
