package io.mobim.wv.bind;

import java.util.ArrayList;
import java.util.List;

/** The repeated components of a record being decoded, the open trees' child lists and presence attributes. */
public final class Collect {

    private Collect() {
    }

    /** Appends {@code v} (an empty element's {@code null} is not a value), creating the list at need. */
    public static <T> ArrayList<T> add(ArrayList<T> l, T v) {
        if (v == null) {
            return l;
        }
        if (l == null) {
            l = new ArrayList<>(4);
        }
        l.add(v);
        return l;
    }

    /** Appends {@code v} to the items of a repeated component past the first, creating the list with the first at need. */
    public static <T> ArrayList<T> more(ArrayList<T> l, T first, T v) {
        if (l == null) {
            l = new ArrayList<>(4);
            l.add(first);
        }
        l.add(v);
        return l;
    }

    /** The immutable list of a repeated component read as its first item and the list past it, or {@code null}. */
    public static <T> List<T> immutable(T first, ArrayList<T> more) {
        return more != null ? immutable(more) : first != null ? List.of(first) : null;
    }

    /** The immutable list the record keeps as it is (its constructor's copy is then free), or {@code null}. */
    @SuppressWarnings("unchecked")
    public static <T> List<T> immutable(ArrayList<T> l) {
        if (l == null) {
            return null;
        }
        return switch (l.size()) {
            case 1 -> List.of(l.get(0));
            case 2 -> List.of(l.get(0), l.get(1));
            case 3 -> List.of(l.get(0), l.get(1), l.get(2));
            case 4 -> List.of(l.get(0), l.get(1), l.get(2), l.get(3));
            default -> (List<T>) List.of(l.toArray());
        };
    }

    /**
     * An immutable copy of {@code a[from, from + n)}. The fixed-arity {@code List.of} overloads copy
     * their arguments once; the array one would copy a copy.
     */
    public static <T> List<T> list(T[] a, int from, int n) {
        int i = from;
        return switch (n) {
            case 0 -> List.of();
            case 1 -> List.of(a[i]);
            case 2 -> List.of(a[i], a[i + 1]);
            case 3 -> List.of(a[i], a[i + 1], a[i + 2]);
            case 4 -> List.of(a[i], a[i + 1], a[i + 2], a[i + 3]);
            case 5 -> List.of(a[i], a[i + 1], a[i + 2], a[i + 3], a[i + 4]);
            case 6 -> List.of(a[i], a[i + 1], a[i + 2], a[i + 3], a[i + 4], a[i + 5]);
            default -> List.of(java.util.Arrays.copyOfRange(a, i, i + n));
        };
    }
}
