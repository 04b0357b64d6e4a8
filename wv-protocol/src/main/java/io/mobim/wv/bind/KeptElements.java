package io.mobim.wv.bind;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A decoder's elements that recur from one document to the next (a watched user's OnlineStatus, UserAvailability,
 * ClientInfo, CommCap: a few values across a whole population), found again by their bytes, so that such an element
 * costs a comparison of its bytes instead of being read, and nothing new. What is kept is immutable, so one serves
 * every document. Kept like the WBXML decoder's shared strings: direct-mapped by the decoder's state (a WBXML code
 * page) and the element's first bytes, an element takes its slot only when it is read twice in a row there.
 * Not thread-safe: one per thread.
 *
 * @param <V> what the decoder makes of an element
 */
public final class KeptElements<V> {

    /** The bytes an element must have left in its document to be looked up (the hash reads them). */
    public static final int MIN_BYTES = Long.BYTES;
    private static final int SLOTS = 128;

    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final int maxBytes;
    /** Each kept element's bytes, from its start tag to its end. */
    private final byte[][] keys = new byte[SLOTS][];
    private final int[] states = new int[SLOTS];
    private final Object[] values = new Object[SLOTS];
    /** Two numbers the decoder keeps with each (the WBXML code page it leaves, what it cost the text budget). */
    private final int[] firsts = new int[SLOTS];
    private final int[] seconds = new int[SLOTS];
    /** The hash of the last element that missed in each slot. */
    private final int[] missed = new int[SLOTS];
    /** The slot {@link #get} last looked in, and the hash it looked for. */
    private int slot;
    private int hash;

    /** @param maxBytes longer elements are not kept */
    public KeptElements(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * What is kept for the element that starts at {@code b[at]} (at least {@link #MIN_BYTES} before {@code end}) read
     * in {@code state}, or {@code null}.
     */
    @SuppressWarnings("unchecked")
    public V get(byte[] b, int at, int end, int state) {
        long v = (long) LONG_LE.get(b, at) + state;
        int h = (int) ((v * 0x9E3779B97F4A7C15L) >>> 32);
        int i = h & (SLOTS - 1);
        slot = i;
        hash = h;
        byte[] k = keys[i];
        if (k != null && states[i] == state && k.length <= end - at && Arrays.equals(k, 0, k.length, b, at, at + k.length)) {
            return (V) values[i];
        }
        return null;
    }

    /** The length in bytes of the element {@link #get} last found. */
    public int length() {
        return keys[slot].length;
    }

    /** The first number kept with it. */
    public int first() {
        return firsts[slot];
    }

    /** The second number kept with it. */
    public int second() {
        return seconds[slot];
    }

    /**
     * After {@link #get} missed an element of {@code len} bytes: whether to {@link #put} it now (it missed there last
     * time too); if not, the miss is remembered.
     */
    public boolean keeps(int len) {
        if (len <= maxBytes && missed[slot] == hash) {
            return true;
        }
        missed[slot] = hash;
        return false;
    }

    /** What the element {@code b[at, at + len)}, which {@link #keeps} said to keep, was read as. */
    public void put(byte[] b, int at, int len, int state, V value, int first, int second) {
        int i = slot;
        keys[i] = Arrays.copyOfRange(b, at, at + len);
        states[i] = state;
        values[i] = value;
        firsts[i] = first;
        seconds[i] = second;
    }
}
