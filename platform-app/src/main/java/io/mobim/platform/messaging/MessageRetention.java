package io.mobim.platform.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes messages sent longer than {@code mobim.messaging.retention} ago whose every delivery is finished
 * (DELIVERED, FAILED or EXPIRED), each together with its deliveries in one statement: {@code im.delivery} has no
 * foreign key to {@code im.message} (V17), so nothing else keeps the two together. A message with a delivery still
 * PENDING or IN_FLIGHT (an SMS whose receipt never came) is kept whole. Safe on every instance at once: a batch
 * locks its messages with SKIP LOCKED, and another instance's batch passes over them.
 *
 * <p>A batch examines the oldest messages in the order of {@code im.message.created_at} (index
 * {@code message_created_at}), a fixed number of them, starting after the newest one this instance examined
 * before, and deletes those it may. So a batch's work is bounded even where every message it meets is kept, and an
 * instance walks the kept ones (and the index entries of rows it deleted, until vacuum removes them) once, when it
 * starts, not on every run. A kept message whose last delivery finishes later still is purged by the next
 * instance start.
 */
public class MessageRetention {

    private static final Logger log = LoggerFactory.getLogger(MessageRetention.class);

    /** Messages a batch reads (one statement and transaction; it deletes at most these and their deliveries). */
    static final int BATCH = 2_000;
    /**
     * Deliveries a batch deletes, about: it takes messages, oldest first, while their deliveries so far stay below
     * this (always at least one message). A room's message has a delivery per member: without this, a batch of room
     * messages could delete millions of rows in one transaction.
     */
    static final int BATCH_DELIVERIES = 5_000;
    /** Batches per run: a run shares the scheduler's thread with the sweep, so a backlog is worked off over several runs. */
    static final int BATCHES_PER_RUN = 25;

    // The batch is read in index order, stopping at its limit. Told by its statistics that few messages are older
    // than the cutoff (taken while the tables were young, or never since they filled), the planner rather reads
    // every one of them and sorts: measured on 2 million messages with statistics of the empty tables, every batch
    // of 5,000 sorted the 500,000 messages older than 90 days (1.2 s instead of 0.16 s). enable_sort = off leaves it
    // the index order (the only other sort here, of the batch's 2,000 rows for the running count, happens anyway).
    // A message's deliveries are counted by a lateral aggregate, which PostgreSQL cannot turn into a join: it is a
    // lookup of that message's deliveries (delivery_message) however the statistics look, never a scan of all
    // deliveries. The deletes find their rows by key in the array of the locked ids.
    private static final String PLAN = """
            select set_config('enable_sort', 'off', true), set_config('plan_cache_mode', 'force_custom_plan', true)""";
    private static final String PURGE = """
            with batch as materialized (
                select id, created_at from im.message
                where created_at > coalesce(?::timestamptz, '-infinity') and created_at < ?
                order by created_at limit ?),
            counted as materialized (
                select b.id, b.created_at, d.open, sum(d.total) over (order by b.created_at, b.id) - d.total as before
                from batch b cross join lateral (
                    select count(*) filter (where status <> all(?::varchar[])) as open, count(*) as total
                    from im.delivery where message_id = b.id) d),
            taken as materialized (select id, created_at, open from counted where before < ?),
            doomed as materialized (
                select id from im.message where id = any(array(select id from taken where open = 0))
                for update skip locked),
            deliveries as (delete from im.delivery where message_id = any(array(select id from doomed)) returning 1),
            messages as (delete from im.message where id = any(array(select id from doomed)) returning 1)
            select (select count(*) from messages) as messages, (select count(*) from deliveries) as deliveries,
                   (select count(*) from batch) as read, (select count(*) from taken) as examined,
                   (select max(created_at) from taken) as examined_until""";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration retention;
    private final int batchSize;
    private final int batchDeliveries;
    private final int batchesPerRun;
    private final Counter purgedMessages;
    private final Counter purgedDeliveries;
    /** The newest message this instance examined; the next batch starts after it (null: from the oldest). */
    private Instant examinedUntil;

    MessageRetention(JdbcClient jdbc, TransactionTemplate tx, Clock clock, Duration retention, MeterRegistry meters) {
        this(jdbc, tx, clock, retention, meters, BATCH, BATCH_DELIVERIES, BATCHES_PER_RUN);
    }

    MessageRetention(JdbcClient jdbc, TransactionTemplate tx, Clock clock, Duration retention, MeterRegistry meters,
                     int batchSize, int batchDeliveries, int batchesPerRun) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.retention = retention;
        this.batchSize = batchSize;
        this.batchDeliveries = batchDeliveries;
        this.batchesPerRun = batchesPerRun;
        this.purgedMessages = meters.counter("mobim.messaging.retention.purged", "table", "message");
        this.purgedDeliveries = meters.counter("mobim.messaging.retention.purged", "table", "delivery");
    }

    /** One run: deletes what the retention lets go, in batches, until nothing is left or the per-run limit. */
    public Run purge() {
        return purgeOlderThan(clock.instant().minus(retention));
    }

    /** {@link #purge()} of the messages sent before {@code cutoff}. */
    synchronized Run purgeOlderThan(Instant cutoff) {
        long started = System.nanoTime();
        Run run = new Run(0, 0, 0, 0, false);
        while (true) {
            Batch b = tx.execute(status -> {
                jdbc.sql(PLAN).query().singleRow();
                return jdbc.sql(PURGE)
                        .params(examinedUntil == null ? null : Timestamp.from(examinedUntil), Timestamp.from(cutoff), batchSize,
                                DeliveryState.finishedValues(), batchDeliveries)
                        .query((rs, i) -> new Batch(rs.getLong("messages"), rs.getLong("deliveries"), rs.getLong("read"),
                                rs.getLong("examined"),
                                rs.getTimestamp("examined_until") == null ? null : rs.getTimestamp("examined_until").toInstant()))
                        .single();
            });
            if (b.examinedUntil() != null) {
                examinedUntil = b.examinedUntil();
            }
            purgedMessages.increment(b.messages());
            purgedDeliveries.increment(b.deliveries());
            boolean more = b.read() == batchSize || b.examined() < b.read();
            run = new Run(run.messages() + b.messages(), run.deliveries() + b.deliveries(),
                    run.kept() + b.examined() - b.messages(), run.batches() + 1, more);
            if (!more || run.batches() >= batchesPerRun) {
                break;
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (run.messages() > 0 || run.kept() > 0 || run.unfinished()) {
            log.info("Retention: deleted {} messages and {} deliveries sent before {} in {} batches ({} ms); kept {} of that age "
                            + "with a delivery still open (or another instance's to delete){}", run.messages(), run.deliveries(), cutoff,
                    run.batches(), millis, run.kept(), run.unfinished() ? "; more next run" : "");
        } else {
            log.debug("Retention: nothing sent before {} to delete ({} ms)", cutoff, millis);
        }
        return run;
    }

    /**
     * What one run did.
     *
     * @param kept messages old enough that it examined but did not delete: a delivery still open, or locked by
     *             another instance deleting them
     * @param unfinished it stopped at the per-run limit of batches with more to examine
     */
    public record Run(long messages, long deliveries, long kept, int batches, boolean unfinished) {
    }

    /** {@code read} messages old enough, of which the first {@code examined} (up to the delivery limit) were decided. */
    private record Batch(long messages, long deliveries, long read, long examined, Instant examinedUntil) {
    }
}
