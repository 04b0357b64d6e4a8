package io.mobim.billing.reconciliation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
        Collector collector = new Collector();
        sequencesByNode.forEach((node, sequences) -> sequences.forEach(s -> collector.add(node, s)));
        return collector.result();
    }

    /**
     * Numbers added one at a time, kept as runs of consecutive numbers: a day of records in sequence order is a few
     * runs per node however many records it holds, so its memory grows with the gaps, not with the records.
     */
    public static final class Collector {

        /** Per node: the first number of each run to its last. */
        private final Map<String, TreeMap<Long, Long>> runs = new TreeMap<>();

        public void add(String node, long sequence) {
            TreeMap<Long, Long> runsOfNode = runs.computeIfAbsent(node, k -> new TreeMap<>());
            Map.Entry<Long, Long> before = runsOfNode.floorEntry(sequence);
            if (before != null && before.getValue() >= sequence) {
                return; // seen already
            }
            long start = before != null && before.getValue() == sequence - 1 ? before.getKey() : sequence;
            long end = sequence;
            Long next = runsOfNode.get(sequence + 1);
            if (next != null) {
                runsOfNode.remove(sequence + 1);
                end = next;
            }
            runsOfNode.put(start, end);
        }

        public List<NodeSequences> result() {
            List<NodeSequences> out = new ArrayList<>();
            runs.forEach((node, r) -> {
                if (r.isEmpty()) {
                    return;
                }
                List<Gap> gaps = new ArrayList<>();
                long seen = 0;
                Long previousEnd = null;
                for (Map.Entry<Long, Long> run : r.entrySet()) {
                    if (previousEnd != null) {
                        gaps.add(new Gap(previousEnd + 1, run.getKey() - 1));
                    }
                    seen += run.getValue() - run.getKey() + 1;
                    previousEnd = run.getValue();
                }
                out.add(new NodeSequences(node, r.firstKey(), r.lastEntry().getValue(), seen, gaps));
            });
            return out;
        }
    }
}
