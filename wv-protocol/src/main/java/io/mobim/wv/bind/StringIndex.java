package io.mobim.wv.bind;

import java.util.Map;

/**
 * A read-only map from strings to non-negative ints: open addressing on the strings' cached hash
 * codes, and an identity comparison first, since the names a decoder produced are the table's
 * own instances. Cheaper than a {@code HashMap<String, Integer>} on the encoders' hot path.
 */
final class StringIndex {

    private final String[] keys;
    private final int[] values;
    private final int mask;

    StringIndex(Map<String, Integer> entries) {
        int size = Integer.highestOneBit(Math.max(4, entries.size()) * 4);
        keys = new String[size];
        values = new int[size];
        mask = size - 1;
        for (Map.Entry<String, Integer> e : entries.entrySet()) {
            int i = slot(e.getKey());
            while (keys[i] != null) {
                i = (i + 1) & mask;
            }
            keys[i] = e.getKey();
            values[i] = e.getValue();
        }
    }

    private int slot(String s) {
        int h = s.hashCode();
        return (h ^ (h >>> 16)) & mask;
    }

    /** The value of {@code s}, or -1. */
    int get(String s) {
        int i = slot(s);
        while (true) {
            String k = keys[i];
            if (k == null) {
                return -1;
            }
            if (k == s || k.equals(s)) {
                return values[i];
            }
            i = (i + 1) & mask;
        }
    }
}
