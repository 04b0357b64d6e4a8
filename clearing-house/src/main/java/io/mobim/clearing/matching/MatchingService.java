package io.mobim.clearing.matching;

import io.mobim.clearing.ClearingLock;
import io.mobim.clearing.ClearingMetrics;
import io.mobim.clearing.job.Progress;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Matches the two sides of each message in sets. A run takes, under the clearing lock, every record stored since the
 * last run and merges it into {@code clearing.message} in {@code workers} partitions of the message key, side by side,
 * each on its own connection and in its own transaction ({@link PartitionMerge}): PostgreSQL runs an INSERT on one
 * core, so this is how a run uses more than one. Each partition keeps its own position, so a run that fails half way
 * loses nothing and merges nothing twice: the next one takes each partition up from where it stands. The run's progress
 * counts each partition as it commits, so a long run shows how far its merge is.
 *
 * <p>Then a PENDING message whose event time is before {@code cutoff} (the other side had its time to come) becomes a
 * dispute, ORIGINATING_ONLY or TERMINATING_ONLY, and disputes for want of an agreement are judged again against the
 * agreements now on file.
 */
public class MatchingService {

    /**
     * Disputes for want of an agreement, judged again against the agreements now on file. The rows updated are named as
     * disputes too, so that they are found through the dispute indexes whatever the planner thinks of the join.
     */
    private static final String REJUDGE = """
            with judged as (
                select m.id, t.agreement_id, t.time_tolerance_s, t.units_tolerance_pct,
                       clearing.classify(m.o_count, m.t_count, m.o_time, m.t_time, m.o_units, m.t_units, m.operators_agree,
                           t.time_tolerance_s, t.units_tolerance_pct) as outcome
                from clearing.message m
                join clearing.agreement_term t
                  on t.originating_operator = m.originating_operator and t.terminating_operator = m.terminating_operator
                 and m.event_time >= t.valid_from and (t.valid_to is null or m.event_time < t.valid_to)
                where m.status = 'DISPUTED' and m.outcome = 'NO_AGREEMENT')
            update clearing.message m set agreement_id = j.agreement_id, time_tolerance_s = j.time_tolerance_s,
                units_tolerance_pct = j.units_tolerance_pct, outcome = j.outcome, status = clearing.status_of(j.outcome),
                settle_seq = case when j.outcome = 'MATCHED' then :run::bigint end,
                disputed_at = case when clearing.status_of(j.outcome) = 'DISPUTED' then :now::timestamptz end
            from judged j where m.id = j.id and m.status = 'DISPUTED' and m.outcome = 'NO_AGREEMENT'
            """;

    /** One side only, and the other side's time to come is over. */
    private static final String ONE_SIDED = """
            update clearing.message set status = 'DISPUTED',
                outcome = case when o_count = 0 then 'TERMINATING_ONLY' else 'ORIGINATING_ONLY' end,
                disputed_at = :now::timestamptz
            where status = 'PENDING' and event_time < :cutoff
            """;

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final TransactionTemplate tx;
    private final TransactionTemplate apart;
    private final Clock clock;
    private final Duration otherSideWait;
    private final int workers;
    private final PartitionMerge merge;
    private final ClearingMetrics metrics;

    /**
     * @param workers partitions of a run merged side by side, each on a connection of its own (the pool must have
     *                {@code workers} more than the run's own); takes effect at the first run after one that succeeded
     */
    public MatchingService(JdbcTemplate jdbc, TransactionTemplate tx, Clock clock, Duration otherSideWait, String workMem,
            int workers, ClearingMetrics metrics) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.tx = tx;
        this.apart = new TransactionTemplate(tx.getTransactionManager());
        this.apart.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.otherSideWait = otherSideWait;
        this.workers = workers;
        this.merge = new PartitionMerge(jdbc, apart, workMem);
        this.metrics = metrics;
    }

    /**
     * What a run did.
     *
     * @param run           the run's number (its {@code settle_seq} for what it matched)
     * @param records       records taken in (the span of record positions the partitions moved over)
     * @param messages      messages inserted or merged into
     * @param oneSided      pending messages that became one-sided disputes
     * @param rejudged      disputes for want of an agreement judged again
     * @param open          messages pending or disputed after the run, by status
     */
    public record Result(long run, long records, long messages, long oneSided, long rejudged, Map<String, Long> open) {
    }

    /** Matches what arrived since the last run; pending messages older than {@code mobim.clearing.matching.other-side-wait} become disputes. */
    public Result run(Progress progress) {
        return run(clock.instant().minus(otherSideWait), progress);
    }

    /** As {@link #run(Progress)}, with pending messages older than {@code cutoff} turned into disputes. */
    public Result run(Instant cutoff, Progress progress) {
        return metrics.matchingTimer().record(() -> tx.execute(status -> {
            // steps: the lock, each partition merged, disputes judged again, one-sided messages turned into disputes
            progress.phase("waiting for the clearing lock", 0, workers + 3);
            ClearingLock.acquire(jdbc);   // held until this run ends: no ingest, settlement or other run meanwhile
            Long max = jdbc.queryForObject("select max(seq) from clearing.interop_record", Long.class);
            long run = jdbc.queryForObject("select nextval('clearing.run_seq')", Long.class);
            Timestamp now = Timestamp.from(clock.instant());
            List<PartitionMerge.Partition> partitions = partitions();
            int steps = partitions.size() + 3;
            long from = partitions.stream().mapToLong(PartitionMerge.Partition::lastSeq).min().orElse(0);
            long to = max == null ? from : Math.max(max, from);
            String merging = "matching records " + (from + 1) + " to " + to + " in " + partitions.size() + " partitions: ";
            progress.phase(merging + "0 merged", 1, steps);
            long messages = mergeAll(partitions, to, run, now,
                    merged -> progress.phase(merging + merged + " of " + partitions.size() + " merged", 1 + merged, steps));
            progress.phase("judging disputes without an agreement again", steps - 2, steps);
            long rejudged = named.update(REJUDGE, new MapSqlParameterSource().addValue("run", run).addValue("now", now));
            progress.phase("turning one-sided messages before " + cutoff + " into disputes", steps - 1, steps);
            long oneSided = named.update(ONE_SIDED, new MapSqlParameterSource().addValue("now", now)
                    .addValue("cutoff", Timestamp.from(cutoff)));
            Map<String, Long> open = new TreeMap<>();
            jdbc.query("select status, count(*) from clearing.message where status in ('PENDING', 'DISPUTED') group by status",
                    rs -> {
                        open.put(rs.getString(1), rs.getLong(2));
                    });
            progress.phase("done", steps, steps);
            metrics.matched(to - from);
            return new Result(run, to - from, messages, oneSided, rejudged, open);
        }));
    }

    /**
     * Each partition and its position; when they all stand at the same one (every run that succeeded leaves them so)
     * and they are not {@code workers} key ranges, they are made {@code workers} key ranges at that position first.
     */
    private List<PartitionMerge.Partition> partitions() {
        List<PartitionMerge.Partition> partitions = jdbc.query(
                "select part, last_seq, key_from, key_to from clearing.match_partition order by part",
                (rs, i) -> new PartitionMerge.Partition(rs.getInt(1), rs.getLong(2), rs.getObject(3, Long.class),
                        rs.getObject(4, Long.class)));
        long first = partitions.isEmpty() ? 0 : partitions.get(0).lastSeq();
        List<PartitionMerge.Partition> wanted = PartitionMerge.Partition.ranges(workers, first);
        if (!partitions.equals(wanted) && partitions.stream().allMatch(p -> p.lastSeq() == first)) {
            // committed before the partitions start: their transactions move these rows
            apart.executeWithoutResult(s -> {
                jdbc.update("delete from clearing.match_partition");
                jdbc.batchUpdate("insert into clearing.match_partition (part, last_seq, key_from, key_to) values (?, ?, ?, ?)",
                        wanted.stream().map(p -> new Object[] {p.part(), p.lastSeq(), p.keyFrom(), p.keyTo()}).toList());
            });
            return wanted;
        }
        return partitions;
    }

    /**
     * Merges every partition, side by side, telling {@code partitionsMerged} each time one more has committed; waits for
     * all of them, then fails if one did.
     */
    private long mergeAll(List<PartitionMerge.Partition> partitions, long to, long run, Timestamp now, IntConsumer partitionsMerged) {
        int parts = partitions.size();
        List<Future<Long>> merged = new ArrayList<>();
        int[] committed = {0};
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            partitions.forEach(partition -> merged.add(pool.submit(() -> {
                long n = merge.merge(partition, parts, to, run, now);
                synchronized (committed) {   // counted and told in one step: one report at a time, in order
                    partitionsMerged.accept(++committed[0]);
                }
                return n;
            })));
        }
        long messages = 0;
        RuntimeException failure = null;
        for (Future<Long> f : merged) {
            try {
                messages += f.resultNow();
            } catch (IllegalStateException e) {
                RuntimeException cause = f.exceptionNow() instanceof RuntimeException r ? r
                        : new IllegalStateException("a matching partition failed", f.exceptionNow());
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return messages;
    }
}
