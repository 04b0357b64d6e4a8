package io.mobim.bench.wv;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where the rows PostgreSQL read went, per table: rows read by sequential scans and index entries read, per
 * transaction of the run ({@code pg_stat_user_tables}, {@code pg_stat_user_indexes}), so that a rise of
 * {@code pg_stat_database.tup_returned} points at its table and scan. When PostgreSQL has {@code pg_stat_statements}
 * loaded ({@code -Dmobim.embedded.postgres-settings.shared_preload_libraries=pg_stat_statements}), also the
 * statements that took the most time, with their buffers and, if it tracks planning, their planning time.
 */
final class TableReads {

    private final JdbcClient jdbc;
    private final Map<String, Long> start;

    TableReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.start = snapshot();
        try {
            jdbc.sql("create extension if not exists pg_stat_statements").update();
            jdbc.sql("select pg_stat_statements_reset()").query(Object.class).list();
            statements = true;
        } catch (RuntimeException notLoaded) {
            statements = false;
        }
    }

    private boolean statements;

    /** The tables and indexes that read at least 0.5 rows per transaction since construction, most first. */
    String report(long transactions) {
        Map<String, Long> end = snapshot();
        return "  rows read per transaction by table scan / index: " + end.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), (e.getValue() - start.getOrDefault(e.getKey(), 0L)) / (double) transactions))
                .filter(e -> e.getValue() >= 0.5)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(e -> String.format(Locale.ROOT, "%s %.1f", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", ")) + "\n" + (statements ? statements(transactions) : "");
    }

    private String statements(long transactions) {
        StringBuilder out = new StringBuilder("  statements by time spent per transaction (with pg_stat_statements.track=all, also"
                + " the ones triggers and functions run):\n");
        jdbc.sql("""
                select calls, shared_blks_hit + shared_blks_read as blocks, rows, total_exec_time, total_plan_time,
                       regexp_replace(left(query, 160), '\\s+', ' ', 'g') as q
                from pg_stat_statements order by total_exec_time desc limit 12""")
                .query((java.sql.ResultSet rs) -> {
                    out.append(String.format(Locale.ROOT, "    %.4f ms/tx, %.1f blocks/tx, %.3f calls/tx, %.1f blocks/call, %.3f ms/call%s: %s%n",
                            rs.getDouble("total_exec_time") / transactions,
                            rs.getLong("blocks") / (double) transactions, rs.getLong("calls") / (double) transactions,
                            rs.getLong("blocks") / (double) Math.max(1, rs.getLong("calls")),
                            rs.getDouble("total_exec_time") / Math.max(1, rs.getLong("calls")),
                            // planned (pg_stat_statements.track_planning=on): what planning took per call, on top
                            rs.getDouble("total_plan_time") > 0
                                    ? String.format(Locale.ROOT, " + %.3f ms planning", rs.getDouble("total_plan_time") / Math.max(1, rs.getLong("calls"))) : "",
                            rs.getString("q")));
                });
        return out.toString();
    }

    private Map<String, Long> snapshot() {
        Map<String, Long> reads = new HashMap<>();
        jdbc.sql("select 'seq ' || relname, seq_tup_read from pg_stat_user_tables"
                        + " union all select 'idx ' || indexrelname, idx_tup_read from pg_stat_user_indexes")
                .query((java.sql.ResultSet rs) -> {
                    reads.put(rs.getString(1), rs.getLong(2));
                });
        return reads;
    }
}
