package io.mobim.clearing.ingest;

import io.mobim.clearing.ClearingMetrics;
import io.mobim.events.interop.InteropRecord;
import java.io.Reader;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes inter-operator records in, from Kafka (a poll at a time) and from uploads (a file at a time), each set in one
 * transaction; records already stored (same record id) are counted as duplicates and skipped.
 */
public class IngestService {

    private final RecordStore store;
    private final TransactionTemplate tx;
    private final EventWindow window;
    private final ClearingMetrics metrics;
    private final Clock clock;
    private final int maxRejectionsReported;

    public IngestService(RecordStore store, TransactionTemplate tx, EventWindow window, ClearingMetrics metrics, Clock clock,
            int maxRejectionsReported) {
        this.store = store;
        this.tx = tx;
        this.window = window;
        this.metrics = metrics;
        this.clock = clock;
        this.maxRejectionsReported = maxRejectionsReported;
    }

    /** The accepted event-time window. */
    public EventWindow window() {
        return window;
    }

    /** Stores a poll of consumed records; returns how many were new. */
    public long ingest(List<InteropRecord> records) {
        if (records.isEmpty()) {
            return 0;
        }
        long inserted = tx.execute(s -> store.insert(records.iterator(), RecordSource.KAFKA, null, clock.instant()));
        metrics.ingested(RecordSource.KAFKA, inserted, records.size() - inserted);
        return inserted;
    }

    /**
     * What came of an upload.
     *
     * @param uploadId     the id stored with the file's records (null when nothing was imported)
     * @param lines        lines read, the header included
     * @param imported     records stored now
     * @param duplicates   records already stored before (same record id), skipped
     * @param rejectedLines lines refused; if any, nothing of the file was imported
     * @param rejected     the first refused lines with their reasons
     */
    public record UploadResult(UUID uploadId, long lines, long imported, long duplicates, long rejectedLines,
            List<RecordsCsv.Rejection> rejected) {

        public boolean accepted() {
            return rejectedLines == 0;
        }
    }

    /** Imports a CSV file whole, or nothing of it if any line is refused. */
    public UploadResult upload(Reader csv) {
        RecordsCsv.Parsed parsed = RecordsCsv.read(csv, window);
        if (!parsed.rejections().isEmpty()) {
            metrics.csvRejected(parsed.rejections().size());
            List<RecordsCsv.Rejection> first = parsed.rejections().subList(0, Math.min(maxRejectionsReported, parsed.rejections().size()));
            return new UploadResult(null, parsed.lines(), 0, 0, parsed.rejections().size(), List.copyOf(first));
        }
        UUID uploadId = UUID.randomUUID();
        long inserted = tx.execute(s -> store.insert(parsed.records().iterator(), RecordSource.CSV, uploadId, clock.instant()));
        long duplicates = parsed.records().size() - inserted;
        metrics.ingested(RecordSource.CSV, inserted, duplicates);
        return new UploadResult(uploadId, parsed.lines(), inserted, duplicates, 0, List.of());
    }
}
