package io.mobim.smpp.simulator;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each handset received, newest {@link #PER_HANDSET} entries per handset: a simulator that runs for hours under
 * a load driver must not grow without bound, and a person or a test reads only the latest messages.
 */
final class HandsetHistory<T> {

    /** Entries kept per handset; older ones are forgotten. */
    static final int PER_HANDSET = 1_000;

    private final Map<String, ArrayDeque<T>> byHandset = new ConcurrentHashMap<>();

    void add(String handset, T entry) {
        ArrayDeque<T> entries = byHandset.computeIfAbsent(handset, k -> new ArrayDeque<>());
        synchronized (entries) {
            if (entries.size() == PER_HANDSET) {
                entries.removeFirst();
            }
            entries.addLast(entry);
        }
    }

    /** The handset's entries, oldest first. */
    List<T> of(String handset) {
        ArrayDeque<T> entries = byHandset.get(handset);
        if (entries == null) {
            return List.of();
        }
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }

    Set<String> handsets() {
        return Set.copyOf(byHandset.keySet());
    }

    void clear() {
        byHandset.clear();
    }
}
