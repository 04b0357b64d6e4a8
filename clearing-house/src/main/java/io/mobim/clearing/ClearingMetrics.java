package io.mobim.clearing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.mobim.clearing.ingest.RecordSource;
import java.util.EnumMap;
import java.util.Map;

/**
 * The clearing house's meters: {@code clearing.records.ingested{source}}, {@code clearing.records.duplicate{source}},
 * {@code clearing.records.dead_lettered}, {@code clearing.csv.rejected_lines}, {@code clearing.records.matched}
 * (records taken in by matching runs), {@code clearing.messages.settled} (by closed statements), and the timers
 * {@code clearing.matching.run} and {@code clearing.settlement.run}.
 */
public class ClearingMetrics {

    private final Map<RecordSource, Counter> ingested = new EnumMap<>(RecordSource.class);
    private final Map<RecordSource, Counter> duplicates = new EnumMap<>(RecordSource.class);
    private final Counter deadLettered;
    private final Counter csvRejected;
    private final Counter matched;
    private final Counter settled;
    private final Timer matching;
    private final Timer settlement;

    public ClearingMetrics(MeterRegistry registry) {
        for (RecordSource source : RecordSource.values()) {
            ingested.put(source, Counter.builder("clearing.records.ingested").tag("source", source.name())
                    .description("inter-operator records stored").register(registry));
            duplicates.put(source, Counter.builder("clearing.records.duplicate").tag("source", source.name())
                    .description("inter-operator records already stored, skipped").register(registry));
        }
        deadLettered = Counter.builder("clearing.records.dead_lettered").description("records sent to interop.records.v1.dlt")
                .register(registry);
        csvRejected = Counter.builder("clearing.csv.rejected_lines").description("lines refused in uploads").register(registry);
        matched = Counter.builder("clearing.records.matched").description("records taken in by matching runs").register(registry);
        settled = Counter.builder("clearing.messages.settled").description("messages settled by closed statements").register(registry);
        matching = Timer.builder("clearing.matching.run").description("one matching run").register(registry);
        settlement = Timer.builder("clearing.settlement.run").description("one statement").register(registry);
    }

    public void ingested(RecordSource source, long stored, long duplicate) {
        ingested.get(source).increment(stored);
        duplicates.get(source).increment(duplicate);
    }

    public void deadLettered() { deadLettered.increment(); }
    public void csvRejected(long lines) { csvRejected.increment(lines); }
    public void matched(long records) { matched.increment(records); }
    public void settled(long messages) { settled.increment(messages); }
    public Timer matchingTimer() { return matching; }
    public Timer settlementTimer() { return settlement; }
}
