package io.mobim.wv.model;

import java.util.List;

/** Immutable copies for record components; {@code null} becomes the empty list. */
final class Lists {

    private Lists() {
    }

    static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
