package io.mobim.wv.bind;

import io.mobim.wv.CspVersion;
import io.mobim.wv.StatusCode;
import io.mobim.wv.WvDecodeException;
import io.mobim.wv.model.ClientId;
import io.mobim.wv.model.Primitive;
import io.mobim.wv.model.SessionDescriptor;
import io.mobim.wv.model.SessionType;
import io.mobim.wv.model.Transaction;
import io.mobim.wv.model.TransactionMode;
import io.mobim.wv.model.WvMessage;
import io.mobim.wv.model.WvNode;
import io.mobim.wv.model.presence.PresenceSubList;
import java.util.ArrayList;
import java.util.Arrays;

/**
 * Binds a decoder's element events straight onto the message records, without an intermediate
 * tree: one frame per open element says what the element feeds (the envelope, a record field, an
 * open {@link WvNode} tree, or nothing), and each element is turned into its value when it ends.
 *
 * <p>Reading is lenient in the way real clients need: decoders drop unknown elements, elements in an
 * unexpected place are ignored, integers and booleans may be padded with blanks and booleans may be
 * spelt {@code true}/{@code false}; of a repeated single element the first counts in the envelope
 * and the last in a record. Only what a server cannot work without (the envelope, a primitive,
 * well-formed numbers) fails, with a 400 (501 for a primitive not modelled). Those errors are held
 * until {@link #finish} so that a malformed document reports its syntax error first, and they come in
 * a fixed order: Session, SessionDescriptor, then the first failing transaction.
 *
 * <p>One document at a time ({@link #clear} readies it for the next), not thread-safe.
 */
public final class Assembler {

    private static final int ROOT = 0;
    private static final int SESSION = 1;
    private static final int DESCRIPTOR = 2;
    private static final int TRANSACTION = 3;
    private static final int TX_DESCRIPTOR = 4;
    private static final int CONTENT = 5;
    private static final int RECORD = 6;
    private static final int NODE = 7;
    private static final int IGNORE = 8;
    /** Leaves: what their text feeds. */
    private static final int SESSION_ID = 9;
    private static final int SESSION_TYPE = 10;
    private static final int MODE = 11;
    private static final int TX_ID = 12;
    private static final int POLL = 13;
    private static final int FIELD = 14;

    private final boolean trimIndentation;
    private Frame[] frames = new Frame[12];
    private int depth;

    private boolean sawSession;
    private boolean sawDescriptor;
    private boolean sawSessionId;
    private boolean sawSessionType;
    private String sessionId;
    private String sessionType;
    private final ArrayList<Transaction> transactions = new ArrayList<>(1);
    /** The first failing transaction's error. */
    private WvDecodeException failure;

    // the open transaction (they do not nest)
    private boolean txDescriptor;
    private boolean txContent;
    private boolean txSawMode;
    private boolean txSawId;
    private boolean txSawPoll;
    private String txMode;
    private String txId;
    private String txPoll;
    private int txFirstContent;
    private boolean txSawPrimitive;
    private Primitive txPrimitive;
    private WvDecodeException txError;

    /** @param trimIndentation XML: whitespace-only text of an element with children is indentation */
    public Assembler(boolean trimIndentation) {
        this.trimIndentation = trimIndentation;
    }

    /** Forgets the last document, keeping the frames, for the next one. */
    public void clear() {
        depth = 0;
        sawSession = false;
        sawDescriptor = false;
        sawSessionId = false;
        sawSessionType = false;
        sessionId = null;
        sessionType = null;
        transactions.clear();
        failure = null;
        startTransaction();
    }

    /** The tag of the innermost open element, or -1. */
    public int tag() {
        return depth == 0 ? -1 : frames[depth - 1].tag;
    }

    /** An element of the tag table starts (decoders skip unknown elements with their subtree). */
    public void start(int tag) {
        Frame parent = depth == 0 ? null : frames[depth - 1];
        int kind = IGNORE;
        Schema<?> schema = null;
        Field field = null;
        int fieldIndex = -1;
        if (parent == null) {
            kind = ROOT;
        } else {
            parent.children = true;
            switch (parent.kind) {
                case ROOT -> {
                    if (tag == Binder.SESSION && !sawSession) {
                        sawSession = true;
                        kind = SESSION;
                    }
                }
                case SESSION -> {
                    if (tag == Binder.SESSION_DESCRIPTOR && !sawDescriptor) {
                        sawDescriptor = true;
                        kind = DESCRIPTOR;
                    } else if (tag == Binder.TRANSACTION) {
                        startTransaction();
                        kind = TRANSACTION;
                    }
                }
                case DESCRIPTOR -> {
                    if (tag == Binder.SESSION_ID && !sawSessionId) {
                        sawSessionId = true;
                        kind = SESSION_ID;
                    } else if (tag == Binder.SESSION_TYPE && !sawSessionType) {
                        sawSessionType = true;
                        kind = SESSION_TYPE;
                    }
                }
                case TRANSACTION -> {
                    if (tag == Binder.TRANSACTION_DESCRIPTOR && !txDescriptor) {
                        txDescriptor = true;
                        kind = TX_DESCRIPTOR;
                    } else if (tag == Binder.TRANSACTION_CONTENT && !txContent) {
                        txContent = true;
                        kind = CONTENT;
                    }
                }
                case TX_DESCRIPTOR -> {
                    if (tag == Binder.TRANSACTION_MODE && !txSawMode) {
                        txSawMode = true;
                        kind = MODE;
                    } else if (tag == Binder.TRANSACTION_ID && !txSawId) {
                        txSawId = true;
                        kind = TX_ID;
                    } else if (tag == Binder.POLL && !txSawPoll) {
                        txSawPoll = true;
                        kind = POLL;
                    }
                }
                case CONTENT -> {
                    if (txFirstContent < 0) {
                        txFirstContent = tag;
                    }
                    Schema<?> s = Binder.primitive(tag);
                    if (s != null && !txSawPrimitive) {
                        txSawPrimitive = true;
                        kind = RECORD;
                        schema = s;
                    }
                }
                case RECORD -> {
                    if (txError == null) {
                        fieldIndex = parent.schema.fieldIndex(tag);
                        if (fieldIndex >= 0) {
                            field = parent.schema.fields[fieldIndex];
                            switch (field.kind) {
                                case NODE, PRESENCE -> kind = NODE;
                                case REC -> {
                                    kind = RECORD;
                                    schema = field.sub;
                                }
                                default -> kind = FIELD;
                            }
                        }
                    }
                }
                case NODE -> kind = NODE;
                default -> {
                    // IGNORE and leaves: children are not bound
                }
            }
        }
        if (depth == frames.length) {
            frames = Arrays.copyOf(frames, depth * 2);
        }
        Frame f = frames[depth];
        if (f == null) {
            frames[depth] = f = new Frame();
        }
        f.reset(kind, tag, schema, field, fieldIndex);
        depth++;
    }

    /**
     * Whether the innermost open element is a record's PresenceSubList, read as a tree: its attributes may then come
     * whole ({@link #node}).
     */
    public boolean inPresenceList() {
        if (depth == 0 || txError != null) {
            return false;
        }
        Frame f = frames[depth - 1];
        return f.kind == NODE && f.field != null && f.field.kind == Kind.PRESENCE;
    }

    /** A whole child of the innermost open element (in a {@link #inPresenceList}), as its events would give it. */
    public void node(WvNode n) {
        Frame f = frames[depth - 1];
        f.children = true;
        f.addNode(n);
    }

    /** The child the innermost open element (in a {@link #inPresenceList}) last got, or {@code null}. */
    public WvNode lastNode() {
        Frame f = frames[depth - 1];
        return txError != null || f.nodeCount == 0 ? null : f.nodes[f.nodeCount - 1];
    }

    /** Character data of the innermost open element. */
    public void text(String s) {
        if (depth > 0) {
            frames[depth - 1].appendText(s);
        }
    }

    /** A non-negative integer (a WBXML OPAQUE integer) of the innermost open element. */
    public void number(long v) {
        if (depth > 0) {
            frames[depth - 1].appendNumber(v);
        }
    }

    /** The innermost open element ends. */
    public void end() {
        Frame f = frames[--depth];
        if (trimIndentation && f.children) {
            String t = f.text();
            if (t != null && t.isBlank()) {
                f.text = null;
            }
        }
        switch (f.kind) {
            case SESSION_ID -> sessionId = f.text();
            case SESSION_TYPE -> sessionType = f.text();
            case MODE -> txMode = f.text();
            case TX_ID -> txId = f.text() == null ? "" : f.text();
            case POLL -> txPoll = f.text();
            case TRANSACTION -> endTransaction();
            case FIELD, RECORD, NODE -> {
                if (txError == null) {
                    try {
                        if (f.kind == FIELD && f.field.kind == Kind.INT) {
                            // a field's parent is a record; the integer goes in unboxed
                            long n = integer(f);
                            if (n < 0) {
                                frames[depth - 1].builder.set(f.fieldIndex, null);
                            } else {
                                frames[depth - 1].builder.setInt(f.fieldIndex, (int) n);
                            }
                        } else {
                            deliver(f, value(f));
                        }
                    } catch (WvDecodeException e) {
                        txError = e;
                    }
                }
            }
            default -> {
                // the envelope's containers and ignored elements
            }
        }
    }

    private Object value(Frame f) throws WvDecodeException {
        switch (f.kind) {
            case NODE:
                // a PresenceSubList is read as a tree, then typed where its attributes fit their records
                return f.field != null && f.field.kind == Kind.PRESENCE ? PresenceSubList.of(f.node()) : f.node();
            case RECORD:
                String text = f.text();
                if (f.schema == Schemas.CLIENT_ID && !f.children && text != null && !text.isBlank()) {
                    // the Esmertec server (AOSP imps_parser_test) sends <ClientID>text</ClientID>
                    return new ClientId(text, null);
                }
                return f.record();
            default:
                return f.field.kind == Kind.BOOL ? bool(f.text(), f.tag) : f.text() == null ? "" : f.text();
        }
    }

    private void deliver(Frame f, Object v) {
        Frame parent = frames[depth - 1];
        switch (parent.kind) {
            case RECORD -> parent.builder.set(f.fieldIndex, v);
            case NODE -> parent.addNode((WvNode) v);
            default -> txPrimitive = (Primitive) v; // CONTENT
        }
    }

    private void startTransaction() {
        txDescriptor = false;
        txContent = false;
        txSawMode = false;
        txSawId = false;
        txSawPoll = false;
        txMode = null;
        txId = null;
        txPoll = null;
        txFirstContent = -1;
        txSawPrimitive = false;
        txPrimitive = null;
        txError = null;
    }

    private void endTransaction() {
        if (failure != null) {
            return; // only the first failing transaction is reported
        }
        try {
            transactions.add(transaction());
        } catch (WvDecodeException e) {
            failure = e;
        }
    }

    /** The checks of one transaction, in the order a server needs them. */
    private Transaction transaction() throws WvDecodeException {
        if (!txDescriptor) {
            throw WvDecodeException.badRequest("no TransactionDescriptor");
        }
        TransactionMode mode = TransactionMode.parse(txMode);
        if (mode == null) {
            throw WvDecodeException.badRequest("missing or bad TransactionMode");
        }
        Boolean poll = txSawPoll ? bool(txPoll, Binder.POLL) : null;
        if (!txContent) {
            throw WvDecodeException.badRequest("no TransactionContent");
        }
        if (txSawPrimitive) {
            if (txError != null) {
                throw txError;
            }
            return new Transaction(mode, txId, poll, txPrimitive);
        }
        if (txFirstContent >= 0) {
            throw new WvDecodeException(StatusCode.NOT_IMPLEMENTED,
                    "primitive " + TagTable.name(txFirstContent) + " is not supported");
        }
        throw WvDecodeException.badRequest("empty TransactionContent");
    }

    /** The message in version {@code v}, once the decoder has read the whole document. */
    public WvMessage finish(CspVersion v) throws WvDecodeException {
        if (!sawSession) {
            throw WvDecodeException.badRequest("no Session");
        }
        SessionType type = sawDescriptor ? SessionType.parse(sessionType) : null;
        if (type == null) {
            if (sawSessionType) {
                throw WvDecodeException.badRequest("bad SessionType");
            }
            type = sessionId == null ? SessionType.OUTBAND : SessionType.INBAND;
        }
        if (failure != null) {
            throw failure;
        }
        if (transactions.isEmpty()) {
            throw WvDecodeException.badRequest("no Transaction");
        }
        return new WvMessage(v, new SessionDescriptor(type, sessionId), transactions);
    }

    /** The integer of a field, or -1 if it has none (an empty element). */
    private static long integer(Frame f) throws WvDecodeException {
        long num = f.number;
        if (num < 0) {
            String s = f.text();
            num = s == null ? -1 : integer(s, f.tag);
        }
        if (num > Integer.MAX_VALUE) {
            throw WvDecodeException.badRequest("integer out of range in " + TagTable.name(f.tag));
        }
        return num;
    }

    /**
     * A CSP integer as text, leniently (blanks around, an optional '+'): its value, which may exceed
     * an int, or -1 if the text is blank.
     */
    public static long integer(String s, int tag) throws WvDecodeException {
        int n = s.length();
        int i = 0;
        while (i < n && s.charAt(i) <= ' ') {
            i++;
        }
        while (n > i && s.charAt(n - 1) <= ' ') {
            n--;
        }
        if (i == n) {
            return -1;
        }
        if (s.charAt(i) == '+') {
            i++;
        }
        if (i == n || n - i > 10) {
            throw WvDecodeException.badRequest("bad integer in " + TagTable.name(tag));
        }
        long v = 0;
        for (; i < n; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                throw WvDecodeException.badRequest("bad integer in " + TagTable.name(tag));
            }
            v = v * 10 + (ch - '0');
        }
        return v;
    }

    /** A CSP boolean, leniently; {@code null} for none. */
    public static Boolean bool(String s, int tag) throws WvDecodeException {
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
        throw WvDecodeException.badRequest("bad boolean in " + TagTable.name(tag));
    }

    /** One open element: what it feeds, its character data so far, and the values of its children. */
    private static final class Frame {
        int kind;
        int tag;
        boolean children;
        String text;
        StringBuilder pieces;
        /** The whole content when it is one WBXML OPAQUE integer (no decimal round trip), else -1. */
        long number;
        Schema<?> schema;
        RecordBuilder builder;
        Field field;
        int fieldIndex;
        WvNode[] nodes;
        int nodeCount;

        /** Frames are reused from one element to the next at the same depth. */
        void reset(int kind, int tag, Schema<?> schema, Field field, int fieldIndex) {
            this.kind = kind;
            this.tag = tag;
            this.schema = schema;
            this.field = field;
            this.fieldIndex = fieldIndex;
            this.builder = schema == null ? null : RecordBuilders.of(schema.id);
            children = false;
            text = null;
            pieces = null;
            number = -1;
            nodeCount = 0;
        }

        /** Many pieces (WBXML tokens, XML split by entities or comments) cost linear time. */
        void appendText(String s) {
            if (number >= 0) {
                text = Long.toString(number);
                number = -1;
            }
            if (pieces != null) {
                pieces.append(s);
            } else if (text == null) {
                text = s;
            } else {
                pieces = new StringBuilder(text.length() + s.length() + 16).append(text).append(s);
                text = null;
            }
        }

        void appendNumber(long v) {
            if (number < 0 && text == null && pieces == null) {
                number = v;
            } else {
                appendText(Long.toString(v));
            }
        }

        /** The character data, or {@code null} if there was none. */
        String text() {
            if (number >= 0 && text == null) {
                text = Long.toString(number);
            }
            if (pieces != null) {
                text = pieces.toString();
                pieces = null;
            }
            return text;
        }

        Object record() {
            return builder.build();
        }

        void addNode(WvNode n) {
            if (nodes == null) {
                nodes = new WvNode[4];
            } else if (nodeCount == nodes.length) {
                nodes = Arrays.copyOf(nodes, nodeCount * 2);
            }
            nodes[nodeCount++] = n;
        }

        WvNode node() {
            return new WvNode(TagTable.name(tag), text(), Collect.list(nodes, 0, nodeCount));
        }
    }
}
