package io.mobim.wv.bind;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
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
    /** Each slot's name's hash: a probe that meets another name costs an int comparison, not a look at its bytes. */
    private static final int[] HASHES = new int[MASK + 1];
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    static {
        for (Map.Entry<String, Integer> e : TagTable.ids().entrySet()) {
            byte[] name = e.getKey().getBytes(StandardCharsets.US_ASCII);
            int h = hash(name, 0, name.length);
            int slot = slot(h);
            while (NAMES[slot] != null) {
                slot = (slot + 1) & MASK;
            }
            NAMES[slot] = name;
            HASHES[slot] = h;
            IDS[slot] = e.getValue();
        }
    }

    private TagBytes() {
    }

    /** The hash of a name so far and its next byte; a name's hash starts as its first byte. */
    public static int step(int h, int c) {
        return h * 31 + c;
    }

    private static int hash(byte[] b, int off, int len) {
        int h = b[off];
        for (int i = off + 1, end = off + len; i < end; i++) {
            h = step(h, b[i]);
        }
        return h;
    }

    private static int slot(int hash) {
        return (hash ^ (hash >>> 11)) & MASK;
    }

    /**
     * The tag id of the element name in {@code b[off, off + len)}, or -1, by the hash the caller made while reading
     * the name (its first byte, then {@link #step} for each next one). Names are a few bytes: compared in a plain
     * loop, not a bulk call.
     */
    public static int id(byte[] b, int off, int len, int hash) {
        int slot = slot(hash);
        while (true) {
            byte[] name = NAMES[slot];
            if (name == null) {
                return -1;
            }
            if (HASHES[slot] == hash && name.length == len && same(name, b, off)) {
                return IDS[slot];
            }
            slot = (slot + 1) & MASK;
        }
    }

    private static boolean same(byte[] name, byte[] b, int off) {
        return same(name, 0, b, off, name.length);
    }

    /**
     * Whether {@code a[aOff, aOff + len)} and {@code b[bOff, bOff + len)} hold the same bytes (both in bounds): eight
     * bytes at a time, the last eight overlapping. Names are a few bytes: no bulk call.
     */
    public static boolean same(byte[] a, int aOff, byte[] b, int bOff, int len) {
        if (len < Long.BYTES) {
            for (int i = 0; i < len; i++) {
                if (a[aOff + i] != b[bOff + i]) {
                    return false;
                }
            }
            return true;
        }
        int last = len - Long.BYTES;
        for (int i = 0; i < last; i += Long.BYTES) {
            if ((long) LONG.get(a, aOff + i) != (long) LONG.get(b, bOff + i)) {
                return false;
            }
        }
        return (long) LONG.get(a, aOff + last) == (long) LONG.get(b, bOff + last);
    }
}
