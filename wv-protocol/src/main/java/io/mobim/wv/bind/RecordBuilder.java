package io.mobim.wv.bind;

import java.util.ArrayList;
import java.util.List;

/**
 * The components of one record being decoded, in typed fields (no {@code Object[]}, integers not
 * boxed), and the call of its constructor. One generated subclass per record in {@link Binders};
 * the field numbers are the schema's. A repeated single element keeps the last value; a list
 * ignores {@code null} (an empty element).
 */
abstract class RecordBuilder {

    /** A value of field {@code i}: a String, a Boolean, a nested record or a WvNode; {@code null} clears it. */
    abstract void set(int i, Object v);

    /** An integer value of field {@code i}. */
    abstract void setInt(int i, int v);

    /** The record. */
    abstract Object build();

    /** The immutable list the record keeps as it is (its constructor's copy is then free). */
    @SuppressWarnings("unchecked")
    static <T> List<T> immutable(ArrayList<T> l) {
        if (l == null) {
            return null;
        }
        return switch (l.size()) {
            case 1 -> List.of(l.get(0));
            case 2 -> List.of(l.get(0), l.get(1));
            default -> (List<T>) List.of(l.toArray());
        };
    }

    static <T> ArrayList<T> add(ArrayList<T> l, T v) {
        if (v == null) {
            return l;
        }
        if (l == null) {
            l = new ArrayList<>(4);
        }
        l.add(v);
        return l;
    }
}
