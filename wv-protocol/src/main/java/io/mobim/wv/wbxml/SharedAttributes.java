package io.mobim.wv.wbxml;

import io.mobim.wv.model.presence.PresenceAttribute;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * One thread's typed presence attributes that recur from one document to the next (a watched user's OnlineStatus,
 * UserAvailability, ClientInfo, CommCap: a few values across a whole population), found again by their bytes, so
 * such an attribute costs its decoder a comparison of its bytes instead of reading it element by element, and no
 * record. The records are immutable, so one serves every document. Kept like {@link SharedStrings}: direct-mapped
 * by the code page and first bytes of the element, an attribute takes its slot only when it is read twice in a row
 * there. Not thread-safe: one per thread.
 */
final class SharedAttributes {

    /** The bytes an element must have left in its document to be looked up (the hash reads them). */
    static final int MIN_BYTES = Long.BYTES;
    /** Longer attributes are not kept. */
    static final int MAX_BYTES = 64;
    private static final int SLOTS = 128;

    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** Each kept attribute's bytes, from its start tag to its END. */
    private final byte[][] keys = new byte[SLOTS][];
    /** The code page each starts on, and the one it leaves. */
    private final int[] pages = new int[SLOTS];
    private final int[] endPages = new int[SLOTS];
    private final PresenceAttribute[] values = new PresenceAttribute[SLOTS];
    /** What reading each cost the text budget. */
    private final int[] chars = new int[SLOTS];
    /** The hash of the last attribute that missed in each slot. */
    private final int[] missed = new int[SLOTS];
    /** The slot {@link #get} last looked in, and the hash it looked for. */
    private int slot;
    private int hash;

    /**
     * The attribute whose element starts at {@code b[at]} (its tag, read on code page {@code page}; at least
     * {@link #MIN_BYTES} bytes before {@code end}), or {@code null}.
     */
    PresenceAttribute get(byte[] b, int at, int end, int page) {
        long v = (long) LONG_LE.get(b, at) + page;
        int h = (int) ((v * 0x9E3779B97F4A7C15L) >>> 32);
        int i = h & (SLOTS - 1);
        slot = i;
        hash = h;
        byte[] k = keys[i];
        if (k != null && pages[i] == page && k.length <= end - at && Arrays.equals(k, 0, k.length, b, at, at + k.length)) {
            return values[i];
        }
        return null;
    }

    /** The length in bytes of the attribute {@link #get} last found. */
    int length() {
        return keys[slot].length;
    }

    /** The code page it leaves. */
    int endPage() {
        return endPages[slot];
    }

    /** What reading it cost the text budget. */
    int chars() {
        return chars[slot];
    }

    /**
     * After {@link #get} missed: the attribute read from {@code b[at, at + len)}, which started on {@code page} and
     * left {@code endPage}, kept if it missed there last time too.
     */
    void put(byte[] b, int at, int len, int page, int endPage, PresenceAttribute a, int spent) {
        int i = slot;
        if (missed[i] == hash) {
            keys[i] = Arrays.copyOfRange(b, at, at + len);
            pages[i] = page;
            endPages[i] = endPage;
            values[i] = a;
            chars[i] = spent;
        } else {
            missed[i] = hash;
        }
    }
}
