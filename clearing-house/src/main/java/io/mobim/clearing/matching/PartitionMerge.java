package io.mobim.clearing.matching;

import java.math.BigInteger;
import java.sql.Timestamp;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Merges one key-hash partition of a matching run into {@code clearing.message}, in a transaction of its own (so that
 * partitions run side by side on their own connections): the partition's records stored since its last position are
 * grouped by originating operator and message id and merged with one {@code INSERT .. SELECT .. GROUP BY .. ON CONFLICT
 * DO UPDATE}: a message with one record per side whose times and units agree within its agreement's tolerances is
 * MATCHED; with one side so far it is PENDING; otherwise it is DISPUTED with the reason ({@code clearing.classify}). A
 * record arriving for a message already there merges in and the message is judged again: the missing side turns a
 * one-sided dispute into a match, a second copy turns a match into a DUPLICATE dispute. A message settled by a closed
 * statement keeps what it was settled as. The partition's position moves to the run's high-water mark in the same
 * transaction.
 */
final class PartitionMerge {

    /**
     * The terminating operator of a message is the one its originating side names (the operator it sent the message
     * to), so a mismatch is a dispute of the agreement the sender dealt under. A stored message that had no originating
     * record and was never settled takes the claim, agreement and tolerances of the originating record that joins it.
     */
    private static final String TAKES_ORIGINATING_CLAIM = "(m.o_count = 0 and excluded.o_count > 0 and m.settle_seq is null)";

    // the merged values of a message and the records of this run that join it (ON CONFLICT: m = stored, excluded = run)
    private static final String MERGED_OUTCOME = "clearing.classify((m.o_count + excluded.o_count), (m.t_count + excluded.t_count), "
            + "least(m.o_time, excluded.o_time), least(m.t_time, excluded.t_time), greatest(m.o_units, excluded.o_units), "
            + "greatest(m.t_units, excluded.t_units), (m.operators_agree and excluded.operators_agree "
            + "and m.terminating_operator = excluded.terminating_operator), " + claimed("time_tolerance_s") + ", "
            + claimed("units_tolerance_pct") + ")";
    /** Whether the stored message was settled by a closed statement of its agreement. */
    private static final String COVERED = "exists (select 1 from clearing.settled_state s where s.agreement_id = m.agreement_id "
            + "and m.settle_seq <= s.settled_seq and m.event_time < s.settled_until)";

    // Grouped by a sort, not a hash table, and sorted by the key index's own order (key_hash first), so that the index
    // is written page after page rather than at random, and the sort compares 8-byte hashes first.
    private static final String MERGE_TEMPLATE = """
            insert into clearing.message as m (key_hash, originating_operator, message_id, terminating_operator, channel,
                agreement_id, o_count, t_count, o_time, t_time, o_units, t_units, operators_agree, event_time,
                time_tolerance_s, units_tolerance_pct, outcome, status, settle_seq, disputed_at)
            select x.key_hash, x.originating_operator, x.message_id, x.terminating_operator, x.channel, x.agreement_id,
                x.o_count, x.t_count, x.o_time, x.t_time, x.o_units, x.t_units, x.operators_agree, coalesce(x.o_time, x.t_time),
                x.time_tolerance_s, x.units_tolerance_pct, x.outcome, clearing.status_of(x.outcome),
                case when x.outcome = 'MATCHED' then :run::bigint end,
                case when clearing.status_of(x.outcome) = 'DISPUTED' then :now::timestamptz end
            from (select b.*, t.agreement_id, t.time_tolerance_s, t.units_tolerance_pct,
                         clearing.classify(b.o_count, b.t_count, b.o_time, b.t_time, b.o_units, b.t_units, b.operators_agree,
                             t.time_tolerance_s, t.units_tolerance_pct) as outcome
                  from (select hashtextextended(message_id, 0) as key_hash, originating_operator, message_id,
                               coalesce(min(terminating_operator) filter (where side = 'ORIGINATING'),
                                   min(terminating_operator)) as terminating_operator,
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
                          and %7$s
                        group by 1, 2, 3) b
                  left join clearing.agreement_term t
                         on t.originating_operator = b.originating_operator and t.terminating_operator = b.terminating_operator
                        and coalesce(b.o_time, b.t_time) >= t.valid_from
                        and (t.valid_to is null or coalesce(b.o_time, b.t_time) < t.valid_to)
                  order by b.key_hash, b.originating_operator, b.message_id
                  offset 0) x   -- judged once per message: without the fence the planner copies the judgement into every use
            on conflict (key_hash, originating_operator, message_id) do update set
                o_count = m.o_count + excluded.o_count,
                t_count = m.t_count + excluded.t_count,
                o_time = least(m.o_time, excluded.o_time),
                t_time = least(m.t_time, excluded.t_time),
                o_units = greatest(m.o_units, excluded.o_units),
                t_units = greatest(m.t_units, excluded.t_units),
                operators_agree = m.operators_agree and excluded.operators_agree
                    and m.terminating_operator = excluded.terminating_operator,
                terminating_operator = case when %3$s then excluded.terminating_operator else m.terminating_operator end,
                agreement_id = %4$s,
                time_tolerance_s = %5$s,
                units_tolerance_pct = %6$s,
                event_time = case when %2$s then m.event_time
                    else coalesce(least(m.o_time, excluded.o_time), least(m.t_time, excluded.t_time)) end,
                outcome = %1$s,
                status = clearing.status_of(%1$s),
                settle_seq = case when %2$s then m.settle_seq when %1$s = 'MATCHED' then :run::bigint end,
                resolved_units = null,
                disputed_at = case when clearing.status_of(%1$s) = 'DISPUTED' then :now::timestamptz end,
                closed_at = null
            """;
    private static final String MERGE_RANGE = merge("hashtextextended(message_id, 0) between :keyFrom and :keyTo");
    private static final String MERGE_REMAINDER = merge("abs(hashtextextended(message_id, 0) % :parts::bigint) = :part");

    private static String merge(String partitionFilter) {
        return MERGE_TEMPLATE.formatted(MERGED_OUTCOME, COVERED, TAKES_ORIGINATING_CLAIM, claimed("agreement_id"),
                claimed("time_tolerance_s"), claimed("units_tolerance_pct"), partitionFilter);
    }

    /**
     * A partition of the message key and how far it has merged ({@code clearing.match_partition}): the keys whose hash
     * is from {@code keyFrom} to {@code keyTo}, or, without them, those whose hash leaves remainder {@code part} when
     * divided by the number of partitions. A range is a part of the key index of its own, so that partitions merging
     * side by side do not write into the same index pages.
     */
    record Partition(int part, long lastSeq, Long keyFrom, Long keyTo) {

        private static final BigInteger HASHES = BigInteger.ONE.shiftLeft(64);

        /** {@code parts} ranges of equal size that cover every hash, all at position {@code lastSeq}. */
        static List<Partition> ranges(int parts, long lastSeq) {
            return IntStream.range(0, parts).mapToObj(p -> new Partition(p, lastSeq, bound(p, parts),
                    p == parts - 1 ? Long.MAX_VALUE : bound(p + 1, parts) - 1)).toList();
        }

        private static long bound(int p, int parts) {
            return BigInteger.valueOf(Long.MIN_VALUE).add(HASHES.multiply(BigInteger.valueOf(p)).divide(BigInteger.valueOf(parts)))
                    .longValueExact();
        }
    }

    /** The stored message's value of {@code column}, or the joining record's where it takes the originating claim. */
    private static String claimed(String column) {
        return "case when " + TAKES_ORIGINATING_CLAIM + " then excluded." + column + " else coalesce(m." + column + ", excluded."
                + column + ") end";
    }

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final TransactionTemplate tx;
    private final String workMem;

    PartitionMerge(JdbcTemplate jdbc, TransactionTemplate tx, String workMem) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.tx = tx;
        this.workMem = workMem;
    }

    /**
     * Merges {@code partition}, one of {@code parts}: its records after its position up to {@code to}; returns the
     * messages inserted or merged into. Commits on its own, with the partition's position set to {@code to}.
     */
    long merge(Partition partition, int parts, long to, long run, Timestamp now) {
        long from = partition.lastSeq();
        int part = partition.part();
        Long messages = tx.execute(s -> {
            jdbc.execute("set local work_mem = '" + workMem + "'");
            // a hash table would give the groups in no order: the sort is what makes the inserts follow the index
            jdbc.execute("set local enable_hashagg = off");
            // the planner cannot count the groups and would look each one's agreement up in the index; a hash of the
            // few agreement terms costs a fraction of that
            jdbc.execute("set local enable_nestloop = off");
            long n = to > from ? named.update(partition.keyFrom() == null ? MERGE_REMAINDER : MERGE_RANGE,
                    new MapSqlParameterSource().addValue("from", from).addValue("to", to).addValue("parts", parts)
                            .addValue("part", part).addValue("keyFrom", partition.keyFrom()).addValue("keyTo", partition.keyTo())
                            .addValue("run", run).addValue("now", now)) : 0;
            jdbc.update("update clearing.match_partition set last_seq = ? where part = ?", to, part);
            return n;
        });
        return messages == null ? 0 : messages;
    }
}
