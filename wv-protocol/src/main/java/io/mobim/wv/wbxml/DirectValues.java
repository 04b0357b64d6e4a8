package io.mobim.wv.wbxml;

import io.mobim.wv.bind.PlainReader;
import io.mobim.wv.bind.SharedStrings;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The values of the direct path ({@link DirectReader}): where an inline string ends, told with whether it is ASCII
 * and its words mixed for {@link SharedStrings}, so one pass over its bytes serves all three; its String, found among
 * the recurring ones or made without a UTF-8 check; and OPAQUE values. One per reader, with the thread's recurring
 * values.
 */
final class DirectValues {

    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** Whether the inline string {@link #nul} last passed is ASCII. */
    private boolean ascii;
    /** Its words mixed for {@link SharedStrings#get(byte[], int, int, long)}. */
    private long words;
    private final SharedStrings shared = new SharedStrings();
    /** The text of the date-time being read. */
    private final byte[] date = new byte[WbxmlTypes.DATE_TEXT];
    /** The last OPAQUE date-time read (its bytes and length) and its text: a server's recur within the second. */
    private long dateKey = -1;
    private String dateText;

    /**
     * Where the NUL of the inline string at {@code b[from]} is, before {@code end}: found eight bytes at a time,
     * noting whether the string is ASCII and mixing its words on the way.
     */
    int nul(byte[] b, int from, int end) {
        int i = from;
        long high = 0;
        long h = 0;
        while (true) {
            if (i + Long.BYTES > end) {
                long w = 0;
                for (int shift = 0; i < end && b[i] != 0; i++, shift += 8) {
                    w |= (long) (b[i] & 0xFF) << shift;
                }
                if (i >= end) {
                    throw PlainReader.NOT_PLAIN;
                }
                high |= w;
                if (w != 0) {
                    h = SharedStrings.mix(h, w);
                }
                break;
            }
            long v = (long) LONG_LE.get(b, i);
            long z = (v - 0x0101010101010101L) & ~v & 0x8080808080808080L;
            if (z != 0) {
                // the lowest flagged byte is the first NUL; only the bytes before it are the string's
                long w = v & ((Long.lowestOneBit(z) >>> 7) - 1);
                high |= w;
                if (w != 0) {
                    h = SharedStrings.mix(h, w);
                }
                i += Long.numberOfTrailingZeros(z) >>> 3;
                break;
            }
            high |= v;
            h = SharedStrings.mix(h, v);
            i += Long.BYTES;
        }
        ascii = (high & 0x8080808080808080L) == 0;
        words = h;
        return i;
    }

    /** The inline string {@link #nul} last passed, {@code b[at, at + len)}, the text of element {@code tag}. */
    @SuppressWarnings("deprecation") // String(byte[], int, int, int): the bytes are ASCII, each its char
    String string(byte[] b, int tag, int at, int len) {
        if (len == 1 && b[at] > 0) {
            return SharedStrings.oneChar(b[at]); // T and F of every boolean and Qualifier: no String to make
        }
        if (SharedStrings.shares(tag, len)) {
            return shared.get(b, at, len, words);
        }
        return ascii ? new String(b, 0, at, len) : new String(b, at, len, StandardCharsets.UTF_8);
    }

    /** The text of the OPAQUE value {@code b[at, at + len)} of element {@code tag}. */
    String opaque(byte[] b, int tag, int at, int len) {
        if (WbxmlTypes.INTEGER_READ[tag]) {
            if (len > 8) {
                throw PlainReader.NOT_PLAIN;
            }
            return Long.toUnsignedString(number(b, at, len));
        }
        if (WbxmlTypes.DATE[tag] && (len == 5 || len == 6)) {
            long key = number(b, at, len) << 8 | len;
            if (key == dateKey) {
                return dateText;
            }
            int n = WbxmlTypes.date(b, at, len, date);
            // the date-times of a server's messages recur within the second: found, not made
            String s = SharedStrings.shares(tag, n) ? shared.get(date, 0, n)
                    : new String(date, 0, n, StandardCharsets.ISO_8859_1);
            dateKey = key;
            dateText = s;
            return s;
        }
        return new String(b, at, len, StandardCharsets.UTF_8);
    }

    /** The big-endian unsigned number of {@code b[at, at + len)}. */
    static long number(byte[] b, int at, int len) {
        long v = 0;
        for (int i = 0; i < len; i++) {
            v = v << 8 | (b[at + i] & 0xFF);
        }
        return v;
    }
}
