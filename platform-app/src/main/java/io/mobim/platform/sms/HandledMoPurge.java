package io.mobim.platform.sms;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Deletes the marks of handled MOs ({@code im.sms_mo_handled}, one row per MO ever handled) once no replay of
 * {@code sms.mo.v1} can bring their MO again: without this the table grew by a row per SMS received, for ever.
 * Safe on every instance at once (a row deleted twice is deleted once); batches keep each transaction short.
 */
class HandledMoPurge {

    private static final Logger log = LoggerFactory.getLogger(HandledMoPurge.class);
    /** Rows one statement deletes; a run goes on while batches come back full. */
    static final int BATCH = 10_000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration retention;
    private final Duration redeliveryWindow;
    private final Counter purged;

    HandledMoPurge(JdbcClient jdbc, Clock clock, Duration retention, Duration redeliveryWindow, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = retention;
        this.redeliveryWindow = redeliveryWindow;
        this.purged = meters.counter("mobim.sms.handled-mo.purged");
    }

    /** Since when every mark is still here: older ones may have been deleted. */
    Instant keptSince() {
        return clock.instant().minus(retention);
    }

    /** Deletes the marks older than the retention; returns how many. */
    int purge() {
        Timestamp cutoff = Timestamp.from(keptSince());
        int total = 0;
        int n;
        do {
            // the oldest first, by the handled_at index (V4); each statement its own transaction
            n = jdbc.sql("""
                    delete from im.sms_mo_handled where mo_id = any(array(
                        select mo_id from im.sms_mo_handled where handled_at < ? order by handled_at limit ?))""")
                    .params(cutoff, BATCH).update();
            total += n;
            purged.increment(n);
        } while (n == BATCH);
        if (total > 0) {
            log.info("Deleted the marks of {} MOs handled before {}", total, cutoff);
        }
        // fingerprints older than the redelivery window tell nothing any more
        Timestamp seenBefore = Timestamp.from(clock.instant().minus(redeliveryWindow));
        do {
            n = jdbc.sql("""
                    delete from im.sms_mo_fingerprint where fingerprint = any(array(
                        select fingerprint from im.sms_mo_fingerprint where seen_at < ? order by seen_at limit ?))""")
                    .params(seenBefore, BATCH).update();
        } while (n == BATCH);
        return total;
    }
}
