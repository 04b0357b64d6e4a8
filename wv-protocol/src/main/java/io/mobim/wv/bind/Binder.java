package io.mobim.wv.bind;

import io.mobim.wv.CspVersion;
import io.mobim.wv.model.Transaction;
import io.mobim.wv.model.WvMessage;
import io.mobim.wv.model.WvNode;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The envelope's tags, the primitive schemas by tag and by class, and the writing of a message to a
 * {@link Sink}. Shared by the XML and WBXML codecs; stateless. Reading is {@link Assembler}'s.
 */
public final class Binder {

    public static final int WV_CSP_MESSAGE = TagTable.require("WV-CSP-Message");
    public static final int SESSION = TagTable.require("Session");
    public static final int SESSION_DESCRIPTOR = TagTable.require("SessionDescriptor");
    public static final int SESSION_TYPE = TagTable.require("SessionType");
    public static final int SESSION_ID = TagTable.require("SessionID");
    public static final int TRANSACTION = TagTable.require("Transaction");
    public static final int TRANSACTION_DESCRIPTOR = TagTable.require("TransactionDescriptor");
    public static final int TRANSACTION_MODE = TagTable.require("TransactionMode");
    public static final int TRANSACTION_ID = TagTable.require("TransactionID");
    public static final int POLL = TagTable.require("Poll");
    public static final int TRANSACTION_CONTENT = TagTable.require("TransactionContent");
    public static final int PRESENCE_SUB_LIST = TagTable.require("PresenceSubList");

    private static final Schema<?>[] PRIMITIVE_BY_TAG = new Schema<?>[TagTable.SIZE];
    private static final Map<Class<?>, Schema<?>> PRIMITIVE_BY_CLASS = new IdentityHashMap<>();

    static {
        for (Schema<?> s : Schemas.PRIMITIVES) {
            PRIMITIVE_BY_TAG[s.tag] = s;
            PRIMITIVE_BY_CLASS.put(s.type, s);
        }
    }

    private Binder() {
    }

    /** Number of modelled primitives. */
    public static int primitiveCount() {
        return Schemas.PRIMITIVES.length;
    }

    /** The schema of the primitive with this element tag, or {@code null}. */
    static Schema<?> primitive(int tag) {
        return PRIMITIVE_BY_TAG[tag];
    }

    // ------------------------------------------------------------------ writing

    /** Writes a message in version {@code v}. */
    public static void write(WvMessage m, CspVersion v, Sink out) {
        boolean v12 = v == CspVersion.V1_2;
        out.start(WV_CSP_MESSAGE);
        out.start(SESSION);
        out.start(SESSION_DESCRIPTOR);
        out.leaf(SESSION_TYPE, m.session().type().xml());
        if (m.session().sessionId() != null) {
            out.leaf(SESSION_ID, m.session().sessionId());
        }
        out.end();
        for (Transaction t : m.transactions()) {
            out.start(TRANSACTION);
            out.start(TRANSACTION_DESCRIPTOR);
            out.leaf(TRANSACTION_MODE, t.mode().xml());
            if (t.transactionId() != null) {
                out.leaf(TRANSACTION_ID, t.transactionId());
            }
            if (t.poll() != null) {
                out.leaf(POLL, t.poll() ? "T" : "F");
            }
            out.end();
            out.start(TRANSACTION_CONTENT);
            Schema<?> s = PRIMITIVE_BY_CLASS.get(t.primitive().getClass());
            out.start(s.tag);
            RecordWriters.primitive(s.id, t.primitive(), v12, out);
            out.end();
            out.end();
            out.end();
        }
        out.end();
        out.end();
    }

    /** An open-content tree; its element names must be in the tag table. */
    static void writeNode(int tag, WvNode n, Sink out) {
        List<WvNode> children = n.children();
        int count = children.size();
        String text = n.text();
        if (count == 0) {
            if (text == null) {
                out.start(tag);
                out.end();
            } else {
                out.leaf(tag, text);
            }
            return;
        }
        out.start(tag);
        if (text != null) {
            out.text(text);
        }
        for (int i = 0; i < count; i++) { // by index: the recursion keeps an iterator from being optimised away
            WvNode c = children.get(i);
            int ct = TagTable.id(c.name());
            if (ct < 0) {
                throw new IllegalArgumentException("unknown CSP element <" + c.name() + ">");
            }
            writeNode(ct, c, out);
        }
        out.end();
    }
}
