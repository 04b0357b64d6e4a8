package io.mobim.clearing.matching;

import io.mobim.clearing.ClearingLock;
import io.mobim.clearing.ClearingMetrics;
import io.mobim.clearing.job.Progress;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Matches the two sides of each message in sets, in one transaction per run: every record stored since the last run
 * is grouped by originating operator and message id, and merged into {@code clearing.message} (an
 * {@code INSERT .. SELECT .. GROUP BY .. ON CONFLICT DO UPDATE}): a message with one record per side whose times and
 * units agree within its agreement's tolerances is MATCHED; with one side so far it is PENDING; otherwise it is
 * DISPUTED with the reason ({@code clearing.classify}). A record arriving for a message already there merges in and
 * the message is judged again: the missing side turns a one-sided dispute into a match, a second copy turns a match
 * into a DUPLICATE dispute. A message settled by a closed statement keeps what it was settled as.
 *
 * <p>Then a PENDING message whose event time is before {@code cutoff} (the other side had its time to come) becomes a
 * dispute, ORIGINATING_ONLY or TERMINATING_ONLY, and disputes for want of an agreement are judged again against the
 * agreements now on file.
 */
public class MatchingService {

    // the merged values of a message and the records of this run that join it (ON CONFLICT: m = stored, excluded = run)
    private static final String MERGED_OUTCOME = "clearing.classify((m.o_count + excluded.o_count), (m.t_count + excluded.t_count), "
            + "least(m.o_time, excluded.o_time), least(m.t_time, excluded.t_time), greatest(m.o_units, excluded.o_units), "
            + "greatest(m.t_units, excluded.t_units), (m.operators_agree and excluded.operators_agree "
            + "and m.terminating_operator = excluded.terminating_operator), coalesce(m.time_tolerance_s, excluded.time_tolerance_s), "
            + "coalesce(m.units_tolerance_pct, excluded.units_tolerance_pct))";
    /** Whether the stored message was settled by a closed statement of its agreement. */
    private static final String COVERED = "exists (select 1 from clearing.settled_state s where s.agreement_id = m.agreement_id "
            + "and m.settle_seq <= s.settled_seq and m.event_time < s.settled_until)";

    private static final String MERGE = """
            insert into clearing.message as m (originating_operator, message_id, terminating_operator, channel, agreement_id,
                o_count, t_count, o_time, t_time, o_units, t_units, operators_agree, event_time, time_tolerance_s,
                units_tolerance_pct, outcome, status, settle_seq, disputed_at)
            select x.originating_operator, x.message_id, x.terminating_operator, x.channel, x.agreement_id,
                x.o_count, x.t_count, x.o_time, x.t_time, x.o_units, x.t_units, x.operators_agree, coalesce(x.o_time, x.t_time),
                x.time_tolerance_s, x.units_tolerance_pct, x.outcome, clearing.status_of(x.outcome),
                case when x.outcome = 'MATCHED' then :run::bigint end,
                case when clearing.status_of(x.outcome) = 'DISPUTED' then :now::timestamptz end
            from (select b.*, t.agreement_id, t.time_tolerance_s, t.units_tolerance_pct,
                         clearing.classify(b.o_count, b.t_count, b.o_time, b.t_time, b.o_units, b.t_units, b.operators_agree,
                             t.time_tolerance_s, t.units_tolerance_pct) as outcome
                  from (select originating_operator, message_id,
                               min(terminating_operator) as terminating_operator,
                               min(terminating_operator) = max(terminating_operator) as operators_agree,
                               min(channel) as channel,
                               count(*) filter (where side = 'ORIGINATING')::int as o_count,
                               count(*) filter (where side = 'TERMINATING')::int as t_count,
                               min(event_time) filter (where side = 'ORIGINATING') as o_time,
                               min(event_time) filter (where side = 'TERMINATING') as t_time,
                               max(units) filter (where side = 'ORIGINATING') as o_units,
                               max(units) filter (where side = 'TERMINATING') as t_units
                        from clearing.interop_record
                        where seq > :from and seq <= :to
                        group by originating_operator, message_id) b
                  left join clearing.agreement_term t
                         on t.originating_operator = b.originating_operator and t.terminating_operator = b.terminating_operator
                        and coalesce(b.o_time, b.t_time) >= t.valid_from
                        and (t.valid_to is null or coalesce(b.o_time, b.t_time) < t.valid_to)
                  offset 0) x   -- judged once per message: without the fence the planner copies the judgement into every use
            on conflict (originating_operator, message_id) do update set
                o_count = m.o_count + excluded.o_count,
                t_count = m.t_count + excluded.t_count,
                o_time = least(m.o_time, excluded.o_time),
                t_time = least(m.t_time, excluded.t_time),
                o_units = greatest(m.o_units, excluded.o_units),
                t_units = greatest(m.t_units, excluded.t_units),
                operators_agree = m.operators_agree and excluded.operators_agree
                    and m.terminating_operator = excluded.terminating_operator,
                agreement_id = coalesce(m.agreement_id, excluded.agreement_id),
                time_tolerance_s = coalesce(m.time_tolerance_s, excluded.time_tolerance_s),
                units_tolerance_pct = coalesce(m.units_tolerance_pct, excluded.units_tolerance_pct),
                event_time = case when %2$s then m.event_time
                    else coalesce(least(m.o_time, excluded.o_time), least(m.t_time, excluded.t_time)) end,
                outcome = %1$s,
                status = clearing.status_of(%1$s),
                settle_seq = case when %2$s then m.settle_seq when %1$s = 'MATCHED' then :run::bigint end,
                resolved_units = null,
                disputed_at = case when clearing.status_of(%1$s) = 'DISPUTED' then :now::timestamptz end,
                closed_at = null
            """.formatted(MERGED_OUTCOME, COVERED);

    /** Disputes for want of an agreement, judged again against the agreements now on file. */
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
            from judged j where m.id = j.id
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
    private final Clock clock;
    private final Duration otherSideWait;
    private final String workMem;
    private final ClearingMetrics metrics;

    public MatchingService(JdbcTemplate jdbc, TransactionTemplate tx, Clock clock, Duration otherSideWait, String workMem,
            ClearingMetrics metrics) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.tx = tx;
        this.clock = clock;
        this.otherSideWait = otherSideWait;
        this.workMem = workMem;
        this.metrics = metrics;
    }

    /**
     * What a run did.
     *
     * @param run           the run's number (its {@code settle_seq} for what it matched)
     * @param records       records taken in
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
            progress.phase("waiting for the clearing lock", 0, 4);
            ClearingLock.acquire(jdbc);
            jdbc.execute("set local work_mem = '" + workMem + "'");
            long from = jdbc.queryForObject("select last_seq from clearing.match_state", Long.class);
            Long max = jdbc.queryForObject("select max(seq) from clearing.interop_record", Long.class);
            long to = max == null ? from : max;
            long run = jdbc.queryForObject("select nextval('clearing.run_seq')", Long.class);
            Timestamp now = Timestamp.from(clock.instant());
            progress.phase("matching records " + (from + 1) + " to " + to, 1, 4);
            long messages = to > from ? named.update(MERGE, new MapSqlParameterSource().addValue("from", from).addValue("to", to)
                    .addValue("run", run).addValue("now", now)) : 0;
            progress.phase("judging disputes without an agreement again", 2, 4);
            long rejudged = named.update(REJUDGE, new MapSqlParameterSource().addValue("run", run).addValue("now", now));
            progress.phase("turning one-sided messages before " + cutoff + " into disputes", 3, 4);
            long oneSided = named.update(ONE_SIDED, new MapSqlParameterSource().addValue("now", now)
                    .addValue("cutoff", Timestamp.from(cutoff)));
            jdbc.update("update clearing.match_state set last_seq = ?", to);
            Map<String, Long> open = new java.util.TreeMap<>();
            jdbc.query("select status, count(*) from clearing.message where status in ('PENDING', 'DISPUTED') group by status",
                    rs -> {
                        open.put(rs.getString(1), rs.getLong(2));
                    });
            progress.phase("done", 4, 4);
            metrics.matched(to - from);
            return new Result(run, to - from, messages, oneSided, rejudged, open);
        }));
    }
}
