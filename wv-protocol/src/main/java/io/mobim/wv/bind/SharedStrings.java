package io.mobim.wv.bind;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One thread's Strings of the values that recur from one document to the next (session IDs, user IDs, contact
 * lists, groups, content and client types, date-times, and any value of at most {@value #SHORT} bytes: capabilities,
 * statuses, a handset's transaction counters), found again by their bytes, so such a value costs its decoder
 * (WBXML inline strings, XML text) no String and no copy. Message bodies are never kept. Direct-mapped by a hash of
 * the bytes; a value takes its slot only when it is read twice in a row there, so a stream of values that never
 * recur (the user IDs of a large population) leaves the values that do in place and costs only the lookup. Not
 * thread-safe: one per thread.
 */
public final class SharedStrings {

    /** Values of this many bytes or fewer are shared whatever their element. */
    static final int SHORT = 8;
    /** Longer values are not shared. */
    private static final int MAX_BYTES = 64;
    private static final int SLOTS = 512;

    /** The elements whose values recur, by tag. */
    private static final boolean[] RECURRING = new boolean[TagTable.SIZE];
    private static final int CONTENT_DATA = TagTable.id("ContentData");

    static {
        for (String n : new String[] {"SessionID", "UserID", "ContactList", "GroupID", "SName", "ContentType", "ClientType",
                "DevManufacturer", "ClientProducer", "Model", "ClientVersion", "Language", "Cap", "Status", "DateTime"}) {
            RECURRING[TagTable.id(n)] = true;
        }
    }

    /** The Strings of one ASCII character (T and F of every boolean and Qualifier), by the character. */
    private static final String[] ONE_CHAR = new String[128];

    static {
        for (int c = 1; c < ONE_CHAR.length; c++) {
            ONE_CHAR[c] = String.valueOf((char) c).intern();
        }
    }

    private static final long K = 0x9E3779B97F4A7C15L;
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final byte[][] keys = new byte[SLOTS][];
    private final String[] strings = new String[SLOTS];
    /** The hash of the last value that missed in each slot. */
    private final int[] missed = new int[SLOTS];

    /** The String of the one byte {@code c}, or {@code null} unless it is ASCII other than NUL. */
    public static String oneChar(byte c) {
        return c > 0 ? ONE_CHAR[c] : null;
    }

    /** Whether values of element {@code tag} of {@code len} bytes are shared. */
    public static boolean shares(int tag, int len) {
        return len <= SHORT ? tag != CONTENT_DATA : len <= MAX_BYTES && RECURRING[tag];
    }

    /** Whether values of element {@code tag} of {@code len} chars, too long to be shared as short values, recur. */
    public static boolean recurs(int tag, int len) {
        return len > SHORT && shares(tag, len);
    }

    /** The String of the UTF-8 bytes {@code b[at, at + len)}. */
    public String get(byte[] b, int at, int len) {
        return get(b, at, len, words(b, at, len));
    }

    /**
     * {@link #get(byte[], int, int)} of bytes whose words the caller has mixed already while reading them: each
     * eight bytes, little-endian, the last ones zero-padded, one {@link #mix} a word.
     */
    public String get(byte[] b, int at, int len, long words) {
        int h = (int) (((words ^ len) * K) >>> 32);
        int i = h & (SLOTS - 1);
        byte[] k = keys[i];
        if (k != null && k.length == len && TagBytes.same(k, 0, b, at, len)) {
            return strings[i];
        }
        String s = new String(b, at, len, StandardCharsets.UTF_8);
        if (missed[i] == h) {
            keys[i] = Arrays.copyOfRange(b, at, at + len);
            strings[i] = s;
        } else {
            missed[i] = h;
        }
        return s;
    }

    /** The words so far with the next eight bytes, little-endian (the last ones of a value zero-padded). */
    public static long mix(long words, long word) {
        return (words ^ word) * K;
    }

    private static long words(byte[] b, int at, int len) {
        long h = 0;
        int i = at;
        for (int end = at + len - Long.BYTES; i <= end; i += Long.BYTES) {
            h = mix(h, (long) LONG_LE.get(b, i));
        }
        if (i < at + len) {
            long w = 0;
            for (int k = at + len - 1; k >= i; k--) {
                w = w << 8 | (b[k] & 0xFF);
            }
            h = mix(h, w);
        }
        return h;
    }
}
