package io.mobim.wv.bind;

import java.util.Map;

/**
 * A read-only map from strings to non-negative ints: open addressing on the strings' cached hash
 * codes, and an identity comparison first, since the names a decoder produced are the table's
 * own instances. Cheaper than a {@code HashMap<String, Integer>} on the encoders' hot path.
 */
final class StringIndex {

    private final String[] keys;
    /** The keys' hash codes: a probe that meets another key costs an int comparison, not a call to equals. */
    private final int[] hashes;
    private final int[] values;
    private final int mask;

    StringIndex(Map<String, Integer> entries) {
        int size = Integer.highestOneBit(Math.max(4, entries.size()) * 4);
        keys = new String[size];
        hashes = new int[size];
        values = new int[size];
        mask = size - 1;
        for (Map.Entry<String, Integer> e : entries.entrySet()) {
            int i = slot(e.getKey());
            while (keys[i] != null) {
                i = (i + 1) & mask;
            }
            keys[i] = e.getKey();
            hashes[i] = e.getKey().hashCode();
            values[i] = e.getValue();
        }
    }

    private int slot(String s) {
        return slot(s.hashCode());
    }

    private int slot(int h) {
        return (h ^ (h >>> 16)) & mask;
    }

    /** The value of {@code s}, or -1. */
    int get(String s) {
        int h = s.hashCode();
        int i = slot(h);
        while (true) {
            String k = keys[i];
            if (k == null) {
                return -1;
            }
            if (k == s || hashes[i] == h && k.equals(s)) {
                return values[i];
            }
            i = (i + 1) & mask;
        }
    }
}
