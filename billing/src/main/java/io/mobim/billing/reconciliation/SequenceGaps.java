package io.mobim.billing.reconciliation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Gaps in each node's sequence numbers: events the IM core wrote that billing never received (or dead-lettered). */
public final class SequenceGaps {

    /** A run of missing sequence numbers, both ends included. */
    public record Gap(long from, long to) {
        public long size() {
            return to - from + 1;
        }
    }

    /** One node's sequence numbers seen in a day. */
    public record NodeSequences(String nodeId, long first, long last, long seen, List<Gap> gaps) {
        public long missing() {
            return gaps.stream().mapToLong(Gap::size).sum();
        }
    }

    private SequenceGaps() {
    }

    /** Gaps between the lowest and highest number seen per node (numbers seen more than once count once). */
    public static List<NodeSequences> find(Map<String, ? extends Collection<Long>> sequencesByNode) {
        List<NodeSequences> out = new ArrayList<>();
        new TreeMap<>(sequencesByNode).forEach((node, sequences) -> {
            TreeSet<Long> seen = new TreeSet<>(sequences);
            if (seen.isEmpty()) {
                return;
            }
            List<Gap> gaps = new ArrayList<>();
            long previous = seen.first();
            for (long s : seen.tailSet(seen.first(), false)) {
                if (s > previous + 1) {
                    gaps.add(new Gap(previous + 1, s - 1));
                }
                previous = s;
            }
            out.add(new NodeSequences(node, seen.first(), seen.last(), seen.size(), gaps));
        });
        return out;
    }
}
