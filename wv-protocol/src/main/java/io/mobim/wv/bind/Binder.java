package io.mobim.wv.bind;

import io.mobim.wv.CspVersion;
import io.mobim.wv.StatusCode;
import io.mobim.wv.WvDecodeException;
import io.mobim.wv.model.Primitive;
import io.mobim.wv.model.SessionDescriptor;
import io.mobim.wv.model.SessionType;
import io.mobim.wv.model.Transaction;
import io.mobim.wv.model.TransactionMode;
import io.mobim.wv.model.WvMessage;
import io.mobim.wv.model.WvNode;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps a decoded element tree onto the message model, and writes the model to a {@link Sink}.
 * Shared by the XML and WBXML codecs; stateless.
 *
 * <p>Reading is lenient in the way real clients need: unknown elements were already dropped by the
 * decoders, elements in an unexpected place are ignored, integers and booleans may be padded with
 * blanks and booleans may be spelt {@code true}/{@code false}. Only what a server cannot work
 * without (the envelope, a primitive, well-formed numbers) fails, with a 400.
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

    // ------------------------------------------------------------------ reading

    /** Maps the tree under {@code WV-CSP-Message} to a message of version {@code v}. */
    public static WvMessage toMessage(Elem root, CspVersion v) throws WvDecodeException {
        if (root == null || root.tag != WV_CSP_MESSAGE) {
            throw WvDecodeException.badRequest("root element is not WV-CSP-Message");
        }
        Elem session = child(root, SESSION);
        if (session == null) {
            throw WvDecodeException.badRequest("no Session");
        }
        Elem sd = child(session, SESSION_DESCRIPTOR);
        String sessionId = sd == null ? null : childText(sd, SESSION_ID);
        SessionType type = sd == null ? null : SessionType.parse(childText(sd, SESSION_TYPE));
        if (type == null) {
            if (sd != null && child(sd, SESSION_TYPE) != null) {
                throw WvDecodeException.badRequest("bad SessionType");
            }
            type = sessionId == null ? SessionType.OUTBAND : SessionType.INBAND;
        }
        List<Transaction> transactions = new ArrayList<>(1);
        for (Elem t = session.first; t != null; t = t.next) {
            if (t.tag == TRANSACTION) {
                transactions.add(transaction(t));
            }
        }
        if (transactions.isEmpty()) {
            throw WvDecodeException.badRequest("no Transaction");
        }
        return new WvMessage(v, new SessionDescriptor(type, sessionId), transactions);
    }

    private static Transaction transaction(Elem t) throws WvDecodeException {
        Elem td = child(t, TRANSACTION_DESCRIPTOR);
        if (td == null) {
            throw WvDecodeException.badRequest("no TransactionDescriptor");
        }
        TransactionMode mode = TransactionMode.parse(childText(td, TRANSACTION_MODE));
        if (mode == null) {
            throw WvDecodeException.badRequest("missing or bad TransactionMode");
        }
        Elem idElem = child(td, TRANSACTION_ID);
        String id = idElem == null ? null : idElem.text() == null ? "" : idElem.text();
        Elem pollElem = child(td, POLL);
        Boolean poll = pollElem == null ? null : bool(pollElem);
        Elem tc = child(t, TRANSACTION_CONTENT);
        if (tc == null) {
            throw WvDecodeException.badRequest("no TransactionContent");
        }
        for (Elem p = tc.first; p != null; p = p.next) {
            Schema<?> s = PRIMITIVE_BY_TAG[p.tag];
            if (s != null) {
                return new Transaction(mode, id, poll, (Primitive) read(s, p));
            }
        }
        if (tc.first != null) {
            throw new WvDecodeException(StatusCode.NOT_IMPLEMENTED,
                    "primitive " + TagTable.name(tc.first.tag) + " is not supported");
        }
        throw WvDecodeException.badRequest("empty TransactionContent");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <R> R read(Schema<R> s, Elem e) throws WvDecodeException {
        Field[] fields = s.fields;
        Object[] values = new Object[fields.length];
        for (Elem c = e.first; c != null; c = c.next) {
            int i = s.fieldIndex(c.tag);
            if (i < 0) {
                continue;
            }
            Field f = fields[i];
            Object v = value(f, c);
            if (f.list) {
                if (v == null) {
                    continue;
                }
                Object l = values[i];
                if (l == null) {
                    values[i] = l = new ArrayList<>(4);
                }
                ((ArrayList) l).add(v);
            } else {
                values[i] = v;
            }
        }
        return s.constructor.apply(values);
    }

    private static Object value(Field f, Elem c) throws WvDecodeException {
        switch (f.kind) {
            case STR, DATE:
                return c.text() == null ? "" : c.text();
            case INT:
                return integer(c);
            case BOOL:
                return bool(c);
            case NODE:
                return node(c);
            default:
                if (f.sub == Schemas.CLIENT_ID && c.first == null && c.text() != null && !c.text().isBlank()) {
                    // the Esmertec server (AOSP imps_parser_test) sends <ClientID>text</ClientID>
                    return new io.mobim.wv.model.ClientId(c.text(), null);
                }
                return read(f.sub, c);
        }
    }

    private static Integer integer(Elem c) throws WvDecodeException {
        long num = c.number();
        if (num >= 0) {
            if (num > Integer.MAX_VALUE) {
                throw WvDecodeException.badRequest("integer out of range in " + TagTable.name(c.tag));
            }
            return (int) num;
        }
        String s = c.text();
        if (s == null) {
            return null;
        }
        int n = s.length();
        int i = 0;
        while (i < n && s.charAt(i) <= ' ') {
            i++;
        }
        while (n > i && s.charAt(n - 1) <= ' ') {
            n--;
        }
        if (i == n) {
            return null;
        }
        if (s.charAt(i) == '+') {
            i++;
        }
        if (i == n || n - i > 10) {
            throw WvDecodeException.badRequest("bad integer in " + TagTable.name(c.tag));
        }
        long v = 0;
        for (; i < n; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                throw WvDecodeException.badRequest("bad integer in " + TagTable.name(c.tag));
            }
            v = v * 10 + (ch - '0');
        }
        if (v > Integer.MAX_VALUE) {
            throw WvDecodeException.badRequest("integer out of range in " + TagTable.name(c.tag));
        }
        return (int) v;
    }

    private static Boolean bool(Elem c) throws WvDecodeException {
        String s = c.text();
        if (s == null) {
            return null;
        }
        if (s.length() == 1) {
            char ch = s.charAt(0);
            if (ch == 'T' || ch == 't' || ch == '1') {
                return Boolean.TRUE;
            }
            if (ch == 'F' || ch == 'f' || ch == '0') {
                return Boolean.FALSE;
            }
        }
        String t = s.trim();
        if (t.isEmpty()) {
            return null;
        }
        if (t.equalsIgnoreCase("T") || t.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (t.equalsIgnoreCase("F") || t.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        throw WvDecodeException.badRequest("bad boolean in " + TagTable.name(c.tag));
    }

    private static WvNode node(Elem e) {
        List<WvNode> children = new ArrayList<>();
        for (Elem c = e.first; c != null; c = c.next) {
            children.add(node(c));
        }
        return new WvNode(TagTable.name(e.tag), e.text(), children);
    }

    private static Elem child(Elem e, int tag) {
        for (Elem c = e.first; c != null; c = c.next) {
            if (c.tag == tag) {
                return c;
            }
        }
        return null;
    }

    private static String childText(Elem e, int tag) {
        Elem c = child(e, tag);
        return c == null ? null : c.text();
    }

    // ------------------------------------------------------------------ writing

    /** Writes a message in version {@code v}. */
    public static void write(WvMessage m, CspVersion v, Sink out) {
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
            writeFields(s, t.primitive(), v, out);
            out.end();
            out.end();
            out.end();
        }
        out.end();
        out.end();
    }

    private static void writeFields(Schema<?> s, Object rec, CspVersion v, Sink out) {
        boolean v12 = v == CspVersion.V1_2;
        Object[] values = s.components.apply(rec);
        Field[] fields = s.fields;
        for (int i = 0; i < fields.length; i++) {
            Field f = fields[i];
            Object val = values[i];
            if (val == null) {
                continue;
            }
            int tag = v12 ? f.tag12 : f.tag;
            if (f.list) {
                List<?> l = (List<?>) val;
                for (int k = 0, n = l.size(); k < n; k++) {
                    writeValue(f, tag, l.get(k), v, out);
                }
            } else {
                writeValue(f, tag, val, v, out);
            }
        }
    }

    private static void writeValue(Field f, int tag, Object o, CspVersion v, Sink out) {
        switch (f.kind) {
            case STR, DATE -> out.leaf(tag, (String) o);
            case INT -> out.leafInt(tag, (Integer) o);
            case BOOL -> out.leaf(tag, (Boolean) o ? "T" : "F");
            case NODE -> writeNode(tag, (WvNode) o, out);
            case REC -> {
                out.start(tag);
                writeFields(f.sub, o, v, out);
                out.end();
            }
        }
    }

    private static void writeNode(int tag, WvNode n, Sink out) {
        if (n.children().isEmpty()) {
            if (n.text() == null) {
                out.start(tag);
                out.end();
            } else {
                out.leaf(tag, n.text());
            }
            return;
        }
        out.start(tag);
        if (n.text() != null) {
            out.text(n.text());
        }
        for (WvNode c : n.children()) {
            int ct = TagTable.id(c.name());
            if (ct < 0) {
                throw new IllegalArgumentException("unknown CSP element <" + c.name() + ">");
            }
            writeNode(ct, c, out);
        }
        out.end();
    }
}
