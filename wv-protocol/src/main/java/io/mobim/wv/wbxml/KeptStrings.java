package io.mobim.wv.wbxml;

import io.mobim.wv.bind.ByteBuf;

/**
 * A WBXML writer's inline-string bytes of the values that recur from one document to the next (user IDs, content
 * and client types: the elements {@link io.mobim.wv.bind.SharedStrings} shares, never a body), so an equal value is
 * written as a copy of its bytes instead of char by char. Direct-mapped by the String's hash (cached in a String the
 * decoder shares); a value takes its slot only when it is written twice in a row there, so values that never recur
 * cost the look-up only. Not thread-safe: one per writer.
 */
final class KeptStrings {

    private static final int SLOTS = 128;

    private final String[] strings = new String[SLOTS];
    /** The bytes of each kept value: STR_I, the string, its NUL. */
    private final byte[][] bytes = new byte[SLOTS][];
    /** The hash of the last value that missed in each slot. */
    private final int[] missed = new int[SLOTS];

    /** The slot and hash of the value {@link #putKept} did not find. */
    private int slot;
    private int hash;

    /** Writes the kept bytes of a value equal to {@code s} into reserved room, if there are. */
    boolean putKept(ByteBuf buf, String s) {
        int h = s.hashCode();
        int i = (h ^ h >>> 16) & (SLOTS - 1);
        String k = strings[i];
        if (k == s || k != null && k.equals(s)) {
            buf.put(bytes[i]);
            return true;
        }
        slot = i;
        hash = h;
        return false;
    }

    /** {@code s}, which {@link #putKept} did not find, as an inline string into reserved room. */
    void putInline(ByteBuf buf, String s) {
        int from = buf.size();
        buf.put(WbxmlEncoder.STR_I);
        buf.putInline(s);
        int i = slot;
        if (missed[i] == hash) {
            strings[i] = s;
            bytes[i] = buf.copy(from);
        } else {
            missed[i] = hash;
        }
    }
}
