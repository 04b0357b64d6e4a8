package io.mobim.wv.bind;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Element names looked up straight from the ASCII bytes of a document, so a decoder needs no
 * String per tag: an open-addressing table over every name and alias of {@link TagTable}.
 */
public final class TagBytes {

    private static final int MASK = 2047;
    private static final byte[][] NAMES = new byte[MASK + 1][];
    private static final int[] IDS = new int[MASK + 1];

    static {
        for (Map.Entry<String, Integer> e : TagTable.ids().entrySet()) {
            byte[] name = e.getKey().getBytes(StandardCharsets.US_ASCII);
            int slot = hash(name, 0, name.length) & MASK;
            while (NAMES[slot] != null) {
                slot = (slot + 1) & MASK;
            }
            NAMES[slot] = name;
            IDS[slot] = e.getValue();
        }
    }

    private TagBytes() {
    }

    private static int hash(byte[] b, int off, int len) {
        int h = len;
        for (int i = off, end = off + len; i < end; i++) {
            h = h * 31 + b[i];
        }
        return h ^ (h >>> 11);
    }

    /** The tag id of the element name in {@code b[off, off + len)}, or -1. */
    public static int id(byte[] b, int off, int len) {
        int slot = hash(b, off, len) & MASK;
        while (true) {
            byte[] name = NAMES[slot];
            if (name == null) {
                return -1;
            }
            if (name.length == len && java.util.Arrays.equals(name, 0, len, b, off, off + len)) {
                return IDS[slot];
            }
            slot = (slot + 1) & MASK;
        }
    }
}
