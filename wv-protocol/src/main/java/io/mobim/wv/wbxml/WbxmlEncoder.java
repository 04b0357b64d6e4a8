package io.mobim.wv.wbxml;

import io.mobim.wv.CspVersion;
import io.mobim.wv.bind.Binder;
import io.mobim.wv.bind.KeptEncodings;
import io.mobim.wv.bind.SharedStrings;
import io.mobim.wv.bind.Sink;
import io.mobim.wv.bind.SpareWriter;
import io.mobim.wv.bind.TagTable;
import io.mobim.wv.model.WvMessage;

/**
 * Writes a message as CSP WBXML ({@code application/vnd.wv.csp.wbxml}) the way handsets do
 * (reference section 10): WBXML 1.3, public id 0x10 (1.1) or 0x11 (1.2), UTF-8, no string table;
 * {@code WV-CSP-Message}, {@code TransactionContent} and {@code PresenceSubList} carry their xmlns
 * as an attribute-start token plus the version suffix; integers and date-times as {@code OPAQUE};
 * a string equal to a value-token entry as {@code EXT_T_0}; other strings inline.
 * Shared and thread-safe: use {@link #INSTANCE}. Each thread keeps one writer and its buffer.
 */
public final class WbxmlEncoder {

    public static final WbxmlEncoder INSTANCE = new WbxmlEncoder(false);

    /**
     * Writes the public id as a string-table reference ({@code -//OMA//DTD WV-CSP 1.2//EN}) instead
     * of 0x10/0x11. libwbxml 0.11.8 knows no numeric public id for CSP 1.2 and rejects 0x11, so use
     * this only to feed libwbxml tools; handsets get {@link #INSTANCE}.
     */
    public static final WbxmlEncoder STRING_PUBLIC_ID = new WbxmlEncoder(true);

    static final int SWITCH_PAGE = 0x00;
    static final int END = 0x01;
    static final int STR_I = 0x03;
    static final int EXT_T_0 = 0x80;
    static final int OPAQUE = 0xC3;

    private final boolean stringPublicId;

    /** The xmlns version suffix of each CSP version, as written after the attribute-start token. */
    private static final byte[][] SUFFIXES = new byte[CspVersion.values().length][];

    static {
        for (CspVersion v : CspVersion.values()) {
            SUFFIXES[v.ordinal()] = v.label().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        }
    }

    private WbxmlEncoder(boolean stringPublicId) {
        this.stringPublicId = stringPublicId;
    }

    /** Encodes in the message's own version. */
    public byte[] encode(WvMessage message) {
        return encode(message, message.version());
    }

    /** Encodes in version {@code version}. */
    public byte[] encode(WvMessage message, CspVersion version) {
        Writer w = SpareWriter.take(SPARE, Writer::new);
        try {
            w.begin(version, stringPublicId);
            Binder.write(message, version, w);
            return w.toByteArray();
        } finally {
            w.release();
        }
    }

    private static final ThreadLocal<Writer> SPARE = new ThreadLocal<>();

    /** The most bytes a start tag takes: a page switch, the tag, and the xmlns attribute with its version. */
    private static final int START_ROOM = 16;
    /** The bytes a value takes besides three a char: STR_I, NUL and END, or EXT_T_0, the token and END. */
    private static final int VALUE_ROOM = 8;

    private static final class Writer extends SpareWriter implements Sink {
        byte[] suffix;
        int attrBase;
        /** Where the start tag of each open element is. */
        int[] pos = new int[16];
        int depth;
        int page;
        final KeptEncodings kept = new KeptEncodings();
        final KeptStrings keptStrings = new KeptStrings();
        /** The last date-time written and its OPAQUE bits (or -1). */
        private String lastDate;
        private long lastDateBits;

        Writer() {
            super(512);
        }

        void begin(CspVersion v, boolean stringPublicId) {
            buf.clear();
            depth = 0;
            page = 0;
            buf.write(0x03);
            if (stringPublicId) {
                byte[] pid = (v == CspVersion.V1_1 ? "-//OMA//DTD WV-CSP 1.1//EN" : v.publicId())
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                buf.write(0x00);
                buf.write(0x00);
                buf.write(0x6A);
                buf.writeMbUint(pid.length + 1);
                buf.write(pid);
                buf.write(0x00);
            } else {
                buf.writeMbUint(v.wbxmlPublicId());
                buf.write(0x6A);
                buf.write(0x00);
            }
            suffix = SUFFIXES[v.ordinal()];
            attrBase = v == CspVersion.V1_1 ? 0x05 : 0x08;
        }

        /** The code page switch {@code tag} needs; room must have been made. */
        private void token(int tag) {
            int p = tag >> 6;
            if (p != page) {
                buf.put(SWITCH_PAGE);
                buf.put(p);
                page = p;
            }
        }

        /**
         * A start tag says it has content: nearly every element has, so the flag is cleared by {@link #end} for one
         * that got none, instead of being set by each element's first child.
         */
        @Override
        public void start(int tag) {
            buf.ensure(START_ROOM);
            token(tag);
            int attr = tag == Binder.WV_CSP_MESSAGE ? 0 : tag == Binder.TRANSACTION_CONTENT ? 2
                    : tag == Binder.PRESENCE_SUB_LIST ? 1 : -1;
            if (depth == pos.length) {
                pos = java.util.Arrays.copyOf(pos, depth * 2);
            }
            pos[depth++] = buf.size();
            if (attr >= 0) {
                buf.put((tag & 0x3F) | 0xC0);
                buf.put(attrBase + attr);
                buf.put(STR_I);
                buf.write(suffix);
                buf.write(0);
                buf.write(END);
            } else {
                buf.put((tag & 0x3F) | 0x40);
            }
        }

        @Override
        public boolean repeat(Object value) {
            byte[] k = kept.find(value, page, suffix, buf);
            if (k == null) {
                return false;
            }
            buf.write(k);
            page = kept.endState();
            return true;
        }

        @Override
        public void wrote(Object value) {
            kept.keep(value, buf, page);
        }

        @Override
        public void end() {
            int at = pos[--depth];
            if (buf.size() == at + 1) {
                buf.and(at, ~0x40); // nothing written since the start tag: no content
            } else {
                buf.write(END);
            }
        }

        @Override
        public void text(String s) {
            buf.ensure(s.length() * 3 + VALUE_ROOM);
            value(s);
        }

        /** A value token or an inline string, into room reserved for it. */
        private void value(String s) {
            value(s, null);
        }

        /** A value token if {@code s} has one, else an inline string, kept in {@code keep} if there is one. */
        private void value(String s, KeptStrings keep) {
            int t = TagTable.valueToken(s);
            if (t >= 0) {
                buf.put(EXT_T_0);
                buf.writeMbUint(t);
            } else if (keep != null) {
                keep.putInline(buf, s);
            } else {
                buf.put(STR_I);
                buf.putInline(s);
            }
        }

        /**
         * A value of an element whose values recur, into room reserved for it. A kept value was written inline (no
         * value token is equal to it), so only a value not kept is looked up among the value tokens.
         */
        private void recurring(String s) {
            if (!keptStrings.putKept(buf, s)) {
                value(s, keptStrings);
            }
        }

        @Override
        public void leaf(int tag, String s) {
            int len = s.length();
            if (tag == Binder.PRESENCE_SUB_LIST || WbxmlTypes.TYPED[tag] || len == 0) {
                otherLeaf(tag, s);
                return;
            }
            buf.ensure(START_ROOM + len * 3 + VALUE_ROOM);
            token(tag);
            buf.put((tag & 0x3F) | 0x40);
            if (SharedStrings.recurs(tag, len)) {
                recurring(s);
            } else {
                value(s);
            }
            buf.put(END);
        }

        /** A leaf of the PresenceSubList, of an integer or date-time element, or an empty one. */
        private void otherLeaf(int tag, String s) {
            if (tag == Binder.PRESENCE_SUB_LIST) {
                start(tag);
                text(s);
                end();
                return;
            }
            buf.ensure(START_ROOM + s.length() * 3 + VALUE_ROOM);
            token(tag);
            if (s.isEmpty()) {
                buf.put(tag & 0x3F);
                return;
            }
            buf.put((tag & 0x3F) | 0x40);
            if (WbxmlTypes.INTEGER[tag]) {
                long v = WbxmlTypes.digits(s);
                if (v >= 0) {
                    opaque(v);
                    buf.write(END);
                    return;
                }
            } else if (WbxmlTypes.DATE[tag]) {
                long d = date(s);
                if (d >= 0) {
                    buf.ensure(WbxmlTypes.DATE_BYTES + 3);
                    buf.put(OPAQUE);
                    buf.put(WbxmlTypes.DATE_BYTES);
                    for (int shift = 8 * (WbxmlTypes.DATE_BYTES - 1); shift >= 0; shift -= 8) {
                        buf.put((int) (d >>> shift));
                    }
                    buf.put(END);
                    return;
                }
            }
            valueAndEnd(s);
        }

        /** {@link WbxmlTypes#date(String)}, of the last date-time written again: a server's recur within the second. */
        private long date(String s) {
            if (s == lastDate || s.equals(lastDate)) {
                return lastDateBits;
            }
            long d = WbxmlTypes.date(s);
            lastDate = s;
            lastDateBits = d;
            return d;
        }

        /** A leaf's value and its END, in one reservation. */
        private void valueAndEnd(String s) {
            buf.ensure(s.length() * 3 + VALUE_ROOM);
            value(s);
            buf.put(END);
        }

        @Override
        public void leafInt(int tag, long v) {
            buf.ensure(START_ROOM);
            token(tag);
            buf.put((tag & 0x3F) | 0x40);
            if (v >= 0 && WbxmlTypes.INTEGER[tag]) {
                opaque(v);
                buf.write(END);
            } else {
                valueAndEnd(Long.toString(v));
            }
        }

        /** An integer as OPAQUE, into room reserved for it (a start tag's takes it). */
        private void opaque(long v) {
            int bytes = 1;
            while (bytes < 8 && (v >>> (bytes * 8)) != 0) {
                bytes++;
            }
            buf.put(OPAQUE);
            buf.put(bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                buf.put((int) (v >>> (i * 8)) & 0xFF);
            }
        }
    }
}
