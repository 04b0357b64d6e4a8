package io.mobim.bench.billing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The cost of writing rated records alone: PostgreSQL backend CPU per row of a binary {@code COPY} into
 * {@code billing.rated_record}-shaped tables that differ only in their indexes and partitioning, each filled first
 * with {@code preload} rows, then timed on {@code rows} more in statements of {@code batch} rows (the rating path's
 * polls). The rows look like the Kafka bench's: 50,000 subscribers, random event ids, one month. Backend CPU is read
 * from /proc (utime + stime of the session's backend), so the JVM is not in it.
 * Run: {@code java -cp bench/target/benchmarks.jar io.mobim.bench.billing.RatedRecordCopyBench [rows] [preload] [batch] [variants]}.
 */
public final class RatedRecordCopyBench {

    private static final String COLUMNS = """
            event_id uuid not null, version integer not null, current boolean not null, node_id varchar(64) not null,
            sequence bigint not null, event_time timestamptz not null, business_day date not null, period char(7) not null,
            msisdn varchar(16) not null, charged_role varchar(12) not null, kind varchar(16) not null, channel varchar(8) not null,
            direction varchar(8), service boolean not null, event_plan varchar(64), message_id varchar(128), other_party varchar(128),
            other_operator varchar(32), smsc_reference varchar(65), segments integer, bytes bigint, plan_id varchar(64) not null,
            plan_version integer not null, charged_units bigint not null, allowance_units bigint not null, amount numeric not null,
            pass_through_amount numeric not null, currency char(3) not null, rule varchar(400) not null, rated_at timestamptz not null,
            rating_reason varchar(16) not null""";

    private static final String PARTITIONS = """
            create table %1$s_2026_10 partition of %1$s for values from ('2026-10-01') to ('2026-11-01');
            create table %1$s_2026_11 partition of %1$s for values from ('2026-11-01') to ('2026-12-01');
            create table %1$s_2026_12 partition of %1$s for values from ('2026-12-01') to ('2027-01-01');
            create table %1$s_default partition of %1$s default;
            """;

    /** name → DDL ({@code %1$s} is the table). */
    static Map<String, String> variants() {
        String keyed = "create table %1$s (" + COLUMNS + ", primary key (event_id, version));";
        String monthly = "create table %1$s (" + COLUMNS + ", primary key (event_id, version, business_day)) partition by range (business_day);"
                + PARTITIONS;
        String monthlyDayKey = "create table %1$s (" + COLUMNS + ", primary key (business_day, event_id, version)) partition by range (business_day);"
                + PARTITIONS;
        String bySubscriberPeriod = "create index on %1$s (msisdn, period) where current;";
        String bySubscriber = "create index on %1$s (msisdn) where current;";
        String hashSubscriber = "create index on %1$s using hash (msisdn) where current;";
        String byDay = "create index on %1$s (business_day) where current;";
        String brinDay = "create index on %1$s using brin (business_day);";
        Map<String, String> v = new LinkedHashMap<>();
        v.put("heap", "create table %1$s (" + COLUMNS + ");");
        v.put("pk", keyed);
        v.put("current", keyed + bySubscriberPeriod + byDay);
        v.put("collateC", keyed.replace(COLUMNS, COLUMNS.replace("period char(7) not null", "period char(7) collate \"C\" not null")
                .replace("msisdn varchar(16) not null", "msisdn varchar(16) collate \"C\" not null")) + bySubscriberPeriod + byDay);
        v.put("hashMsisdn", keyed + hashSubscriber + byDay);
        v.put("part", monthly + bySubscriberPeriod + byDay);
        v.put("partHash", monthly + hashSubscriber + byDay);
        v.put("partHashBrin", monthly + hashSubscriber + brinDay);
        v.put("partHashNoDay", monthly + hashSubscriber);
        v.put("partMsisdn", monthly + bySubscriber + byDay);
        v.put("partMsisdnBrin", monthly + bySubscriber + brinDay);
        // session 5: the key leads with the business day and serves reads by day (V9), no business-day index
        v.put("partDayKey", monthlyDayKey + bySubscriber);
        v.put("partDayKeyNoDedup", monthlyDayKey + "create index on %1$s (msisdn) with (deduplicate_items = off) where current;");
        v.put("partDayKeyOnly", monthlyDayKey);
        return v;
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int preload = args.length > 1 ? Integer.parseInt(args[1]) : 400_000;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
        Map<String, String> all = variants();
        java.util.List<String> chosen = args.length > 3 ? java.util.List.of(args[3].split(",")) : java.util.List.copyOf(all.keySet());
        // rows of the month before, written first and not timed: what a table holds after months of production
        int older = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        BillingRatingBench.machine();
        System.out.println("load average at start: " + BillingRatingBench.loadAverage());
        Path dir = Files.createTempDirectory("copy-bench");
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
             Connection con = pg.getPostgresDatabase().getConnection(); Statement st = con.createStatement()) {
            long pid;
            try (ResultSet rs = st.executeQuery("select pg_backend_pid(), (select datcollate from pg_database where datname = current_database()), version()")) {
                rs.next();
                pid = rs.getLong(1);
                System.out.println("database collation " + rs.getString(2) + "; " + rs.getString(3));
            }
            int total = preload + rows;
            st.execute("create unlogged table source (" + COLUMNS + ")");
            if (older > 0) {
                st.execute(("create unlogged table older as select gen_random_uuid() event_id, 1 as version, true as current, 'bench-kafka-0' as node_id, "
                        + "i::bigint as sequence, t as event_time, (t at time zone 'Europe/London')::date as business_day, "
                        + "to_char(t at time zone 'Europe/London', 'YYYY-MM')::char(7) as period, '+4477' || lpad((i %% 50000)::text, 8, '0') as msisdn "
                        + "from generate_series(1, %d) i, lateral (select timestamptz '2026-10-01 00:00Z' + (i::bigint * 2500000 / %d) * interval '1 second' t) x").formatted(older, older));
            }
            st.execute(("""
                    insert into source select gen_random_uuid(), 1, true, 'bench-kafka-1', i, t, (t at time zone 'Europe/London')::date,
                      to_char(t at time zone 'Europe/London', 'YYYY-MM'), '+4477' || lpad((i %% 50000)::text, 8, '0'), 'ORIGINATOR',
                      'MESSAGE', 'SMS', 'SENT', false, 'VODAFONE_UK', 'm-' || i, '+447700900999', null, 'SMSC-' || i, 1, null,
                      'VODAFONE_UK', 1, 1, 0, 0.05, 0, 'GBP', 'SMS_SENT 1 x 0.05', now(), 'RATED'
                    from generate_series(1, %d) i, lateral (select timestamptz '2026-11-01 00:00Z' + (i / 50000) * 20 * interval '1 second' t) x
                    """).formatted(total));
            for (int from = 0; from < total; from += batch) {
                st.execute("copy (select * from source where sequence > %d and sequence <= %d) to '%s' (format binary)"
                        .formatted(from, Math.min(total, from + batch), dir.resolve("b" + from / batch)));
            }
            for (String name : chosen) {
                String table = "rr_" + name.toLowerCase(Locale.ROOT);
                st.execute(all.get(name).formatted(table));
                if (older > 0) {
                    st.execute(("insert into %s select event_id, version, current, node_id, sequence, event_time, business_day, period, msisdn, "
                            + "'ORIGINATOR', 'MESSAGE', 'SMS', 'SENT', false, 'VODAFONE_UK', 'm-' || sequence, '+447700900999', null, "
                            + "'SMSC-' || sequence, 1, null, 'VODAFONE_UK', 1, 1, 0, 0.05, 0, 'GBP', 'SMS_SENT 1 x 0.05', now(), 'RATED' from older").formatted(table));
                }
                int b = 0;
                for (int from = 0; from < preload; from += batch) {
                    st.execute("copy %s from '%s' (format binary)".formatted(table, dir.resolve("b" + b++)));
                }
                st.execute("checkpoint");
                long cpu0 = cpuNanos(pid);
                long t0 = System.nanoTime();
                for (int from = preload; from < total; from += batch) {
                    st.execute("copy %s from '%s' (format binary)".formatted(table, dir.resolve("b" + b++)));
                }
                double wall = (System.nanoTime() - t0) / 1e9;
                double cpu = (cpuNanos(pid) - cpu0) / 1e9;
                System.out.printf(Locale.ROOT, "%-14s %,d rows after %,d (and %,d of the month before): backend CPU %.2f s = %.2f µs/row (wall %.2f s); load %s%n",
                        name, rows, preload, older, cpu, cpu * 1e6 / rows, wall, BillingRatingBench.loadAverage());
                st.execute("drop table " + table);
            }
        } finally {
            io.mobim.embedded.FileTrees.delete(dir);
        }
        System.exit(0);
    }

    private static long cpuNanos(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L;
    }

    private RatedRecordCopyBench() {
    }
}
