package io.mobim.wv.xml;

import io.mobim.wv.CspVersion;
import io.mobim.wv.bind.Binder;
import io.mobim.wv.bind.ByteBuf;
import io.mobim.wv.bind.KeptEncodings;
import io.mobim.wv.bind.Sink;
import io.mobim.wv.bind.SpareWriter;
import io.mobim.wv.bind.TagTable;
import io.mobim.wv.model.WvMessage;
import java.nio.charset.StandardCharsets;

/**
 * Writes a message as CSP XML ({@code application/vnd.wv.csp.xml}), UTF-8, with the namespaces of
 * the requested version on {@code WV-CSP-Message}, {@code TransactionContent} and
 * {@code PresenceSubList}. Shared and thread-safe: use {@link #INSTANCE}. Each thread keeps one writer and its buffer.
 */
public final class XmlEncoder {

    public static final XmlEncoder INSTANCE = new XmlEncoder();

    private static final byte[] DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>".getBytes(StandardCharsets.US_ASCII);
    /** By tag: {@code <Name}, {@code <Name>}, {@code </Name>} and {@code <Name/>}. */
    private static final byte[][] START = new byte[TagTable.SIZE][];
    private static final byte[][] OPEN = new byte[TagTable.SIZE][];
    private static final byte[][] CLOSE = new byte[TagTable.SIZE][];
    private static final byte[][] EMPTY = new byte[TagTable.SIZE][];
    /** Room for an open and a close tag. */
    private static final int TAGS_ROOM;
    private static final byte[][][] NS = new byte[CspVersion.values().length][3][];

    static {
        int longest = 0;
        for (int i = 0; i < TagTable.SIZE; i++) {
            String n = TagTable.name(i);
            if (n != null) {
                START[i] = ("<" + n).getBytes(StandardCharsets.US_ASCII);
                OPEN[i] = ("<" + n + ">").getBytes(StandardCharsets.US_ASCII);
                CLOSE[i] = ("</" + n + ">").getBytes(StandardCharsets.US_ASCII);
                EMPTY[i] = ("<" + n + "/>").getBytes(StandardCharsets.US_ASCII);
                longest = Math.max(longest, CLOSE[i].length);
            }
        }
        TAGS_ROOM = 2 * longest + 2;
        for (CspVersion v : CspVersion.values()) {
            NS[v.ordinal()][0] = (" xmlns=\"" + v.cspNamespace() + "\"").getBytes(StandardCharsets.US_ASCII);
            NS[v.ordinal()][1] = (" xmlns=\"" + v.trcNamespace() + "\"").getBytes(StandardCharsets.US_ASCII);
            NS[v.ordinal()][2] = (" xmlns=\"" + v.paNamespace() + "\"").getBytes(StandardCharsets.US_ASCII);
        }
    }

    private XmlEncoder() {
    }

    /** Encodes in the message's own version. */
    public byte[] encode(WvMessage message) {
        return encode(message, message.version());
    }

    /** Encodes in version {@code version}. */
    public byte[] encode(WvMessage message, CspVersion version) {
        Writer w = SpareWriter.take(SPARE, Writer::new);
        try {
            w.begin(version);
            Binder.write(message, version, w);
            return w.toByteArray();
        } finally {
            w.release();
        }
    }

    private static final ThreadLocal<Writer> SPARE = new ThreadLocal<>();

    private static final class Writer extends SpareWriter implements Sink {
        byte[][] ns;
        int[] stack = new int[16];
        int depth;
        boolean open;
        final KeptEncodings kept = new KeptEncodings();

        Writer() {
            super(2048);
        }

        void begin(CspVersion v) {
            buf.clear();
            depth = 0;
            open = false;
            ns = NS[v.ordinal()];
            buf.write(DECLARATION);
        }

        private void closeOpen() {
            if (open) {
                buf.write('>');
                open = false;
            }
        }

        @Override
        public void start(int tag) {
            closeOpen();
            buf.write(START[tag]);
            if (tag == Binder.WV_CSP_MESSAGE) {
                buf.write(ns[0]);
            } else if (tag == Binder.TRANSACTION_CONTENT) {
                buf.write(ns[1]);
            } else if (tag == Binder.PRESENCE_SUB_LIST) {
                buf.write(ns[2]);
            }
            open = true;
            if (depth == stack.length) {
                stack = java.util.Arrays.copyOf(stack, depth * 2);
            }
            stack[depth++] = tag;
        }

        @Override
        public boolean repeat(Object value) {
            closeOpen(); // the parent's start tag, outside the bytes kept
            byte[] k = kept.find(value, 0, null, buf);
            if (k == null) {
                return false;
            }
            buf.write(k);
            return true;
        }

        @Override
        public void wrote(Object value) {
            kept.keep(value, buf, 0);
        }

        @Override
        public void end() {
            int tag = stack[--depth];
            if (open) {
                buf.write('/');
                buf.write('>');
                open = false;
            } else {
                buf.write(CLOSE[tag]);
            }
        }

        @Override
        public void text(String s) {
            closeOpen();
            buf.writeText(s, true);
        }

        @Override
        public void leaf(int tag, String s) {
            if (tag == Binder.PRESENCE_SUB_LIST) {
                start(tag);
                text(s);
                end();
                return;
            }
            closeOpen();
            if (s.isEmpty()) {
                buf.write(EMPTY[tag]);
                return;
            }
            buf.ensure(TAGS_ROOM + ByteBuf.textRoom(s));
            buf.put(OPEN[tag]);
            buf.putText(s, true);
            buf.write(CLOSE[tag]); // entities may have taken more than the room made
        }

        @Override
        public void leafInt(int tag, long v) {
            closeOpen();
            buf.ensure(TAGS_ROOM + 20);
            buf.put(OPEN[tag]);
            writeLong(v);
            buf.put(CLOSE[tag]);
        }

        private void writeLong(long v) {
            if (v < 0) {
                buf.write('-');
                v = -v;
            }
            if (v >= 10) {
                writeLong(v / 10);
            }
            buf.write((int) ('0' + v % 10));
        }
    }
}
