package io.mobim.wv.xml;

import io.mobim.wv.CspVersion;
import io.mobim.wv.bind.Binder;
import io.mobim.wv.bind.ByteBuf;
import io.mobim.wv.bind.Sink;
import io.mobim.wv.bind.TagTable;
import io.mobim.wv.model.WvMessage;
import java.nio.charset.StandardCharsets;

/**
 * Writes a message as CSP XML ({@code application/vnd.wv.csp.xml}), UTF-8, with the namespaces of
 * the requested version on {@code WV-CSP-Message}, {@code TransactionContent} and
 * {@code PresenceSubList}. Stateless and shared: use {@link #INSTANCE}.
 */
public final class XmlEncoder {

    public static final XmlEncoder INSTANCE = new XmlEncoder();

    private static final byte[] DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>".getBytes(StandardCharsets.US_ASCII);
    private static final byte[][] NAMES = new byte[TagTable.SIZE][];
    private static final byte[][][] NS = new byte[CspVersion.values().length][3][];

    static {
        for (int i = 0; i < TagTable.SIZE; i++) {
            String n = TagTable.name(i);
            if (n != null) {
                NAMES[i] = n.getBytes(StandardCharsets.US_ASCII);
            }
        }
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
        Writer w = new Writer(version);
        Binder.write(message, version, w);
        return w.buf.toByteArray();
    }

    private static final class Writer implements Sink {
        final ByteBuf buf = new ByteBuf(1024);
        final byte[][] ns;
        int[] stack = new int[16];
        int depth;
        boolean open;

        Writer(CspVersion v) {
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
            buf.write('<');
            buf.write(NAMES[tag]);
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
        public void end() {
            int tag = stack[--depth];
            if (open) {
                buf.write('/');
                buf.write('>');
                open = false;
            } else {
                buf.write('<');
                buf.write('/');
                buf.write(NAMES[tag]);
                buf.write('>');
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
            buf.write('<');
            buf.write(NAMES[tag]);
            if (s.isEmpty()) {
                buf.write('/');
                buf.write('>');
                return;
            }
            buf.write('>');
            buf.writeText(s, true);
            buf.write('<');
            buf.write('/');
            buf.write(NAMES[tag]);
            buf.write('>');
        }

        @Override
        public void leafInt(int tag, long v) {
            closeOpen();
            buf.write('<');
            buf.write(NAMES[tag]);
            buf.write('>');
            writeLong(v);
            buf.write('<');
            buf.write('/');
            buf.write(NAMES[tag]);
            buf.write('>');
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
