package io.mobim.billing.records;

import io.mobim.events.charging.Channel;
import io.mobim.events.charging.ChargedRole;
import io.mobim.events.charging.ChargingKind;
import io.mobim.events.charging.Direction;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** JDBC access to {@code billing.rated_record}: batch inserts on the rating path, reads for the API and reports. */
public class RatedRecordStore {

    static final String COLUMNS = "event_id, version, current, node_id, sequence, event_time, business_day, period, msisdn, "
            + "charged_role, kind, channel, direction, service, event_plan, message_id, other_party, other_operator, "
            + "smsc_reference, segments, bytes, plan_id, plan_version, charged_units, allowance_units, amount, "
            + "pass_through_amount, currency, rule, rated_at, rating_reason";

    private static final String INSERT = "insert into billing.rated_record (" + COLUMNS + ") values "
            + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static final RowMapper<RatedRecord> ROW = RatedRecordStore::map;

    private final JdbcTemplate jdbc;

    public RatedRecordStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Event ids among {@code ids} that already have a rated record (any version), looked up on the given business
     * days (each event's, from its time): the primary key leads with the business day, so PostgreSQL reads only those
     * days' part of it, in their months' partitions. A replayed event has the same business day as the first time.
     */
    public Set<UUID> existing(Collection<UUID> ids, Collection<LocalDate> businessDays) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.query(con -> {
            var ps = con.prepareStatement("select distinct event_id from billing.rated_record "
                    + "where business_day = any(?) and event_id = any(?)");
            ps.setArray(1, con.createArrayOf("date", businessDays.stream().distinct().map(java.sql.Date::valueOf).toArray()));
            ps.setArray(2, con.createArrayOf("uuid", ids.toArray()));
            return ps;
        }, (rs, i) -> rs.getObject(1, UUID.class)));
    }

    /**
     * Inserts new records with PostgreSQL's binary COPY in the caller's transaction, several times faster than
     * batched INSERTs; a handful of records go through a JDBC batch. No "on conflict": a record whose
     * {@code (event_id, version)} exists fails the statement ({@link org.springframework.dao.DuplicateKeyException})
     * and the caller's transaction rolls back whole (a replay is then rated with the lookup of existing ids).
     */
    public void insert(List<RatedRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        if (records.size() < COPY_THRESHOLD) {
            jdbc.batchUpdate(INSERT, records, 1000, RatedRecordStore::bind);
            return;
        }
        BinaryCopyRows rows = new BinaryCopyRows(records.size() * 400);
        records.forEach(r -> copyRow(rows, r));
        Long copied = jdbc.execute((ConnectionCallback<Long>) con -> {
            try {
                return con.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("copy billing.rated_record (" + COLUMNS + ") from stdin (format binary)", rows.finish());
            } catch (java.io.IOException e) {
                throw new SQLException("COPY into billing.rated_record failed", e);
            }
        });
        if (copied == null || copied != records.size()) {
            throw new IllegalStateException("COPY wrote " + copied + " of " + records.size() + " rated records");
        }
    }

    private static final int COPY_THRESHOLD = 16;

    /** One row in COLUMNS order, each field in its column type's binary form. */
    private static void copyRow(BinaryCopyRows out, RatedRecord r) {
        out.row(31);
        out.uuid(r.eventId());
        out.int4Field(r.version());
        out.bool(r.current());
        out.text(r.nodeId());
        out.int8Field(r.sequence());
        out.timestamp(r.eventTime());
        out.date(r.businessDay());
        out.text(r.period());
        out.text(r.msisdn());
        out.text(r.chargedRole());
        out.text(r.kind());
        out.text(r.channel());
        out.text(r.direction());
        out.bool(r.service());
        out.text(r.eventPlan());
        out.text(r.messageId());
        out.text(r.otherParty());
        out.text(r.otherOperator());
        out.text(r.smscReference());
        out.int4Field(r.segments());
        out.int8Field(r.bytes());
        out.text(r.planId());
        out.int4Field(r.planVersion());
        out.int8Field(r.chargedUnits());
        out.int8Field(r.allowanceUnits());
        out.numeric(r.amount());
        out.numeric(r.passThroughAmount());
        out.text(r.currency());
        out.text(r.rule());
        out.timestamp(r.ratedAt());
        out.text(r.ratingReason());
    }

    /**
     * Marks versions as no longer current (re-rating), before their successors are inserted. Returns how many of
     * them were still current: fewer than given means another re-rating superseded them meanwhile, and the caller
     * must not insert successors (at most one current version per event rests on this and the primary key).
     */
    public int supersede(Collection<RatedRecord> old) {
        if (old.isEmpty()) {
            return 0;
        }
        return jdbc.update("update billing.rated_record r set current = false "
                        + "from unnest(?::uuid[], ?::int[], ?::date[]) as o(event_id, version, business_day) "
                        + "where r.event_id = o.event_id and r.version = o.version and r.business_day = o.business_day and r.current",
                old.stream().map(r -> r.eventId().toString()).toArray(String[]::new),
                old.stream().map(RatedRecord::version).toArray(Integer[]::new),
                old.stream().map(r -> r.businessDay().toString()).toArray(String[]::new));
    }

    /** Current records of a subscriber in a period, in event order. */
    public List<RatedRecord> current(String msisdn, String period) {
        return jdbc.query("select " + COLUMNS + " from billing.rated_record where msisdn = ? and period = ? and current "
                + IN_PERIOD + "order by event_time, node_id, sequence", ROW, msisdn, period, firstDay(period), nextPeriod(period));
    }

    /** Every version of a subscriber's records in a period (the audit view), oldest first. */
    public List<RatedRecord> allVersions(String msisdn, String period) {
        return jdbc.query("select " + COLUMNS + " from billing.rated_record where msisdn = ? and period = ? "
                + IN_PERIOD + "order by event_time, node_id, sequence, version", ROW, msisdn, period, firstDay(period), nextPeriod(period));
    }

    /**
     * Up to {@code limit} current records of a business day that pass {@code filter}, in event-id order after
     * {@code after} (null: from the first): the primary key (business day, event id) is read in order, so a page
     * costs the same wherever it starts.
     */
    public List<RatedRecord> currentOfDay(RecordFilter filter, UUID after, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from billing.rated_record where business_day = ? and current ");
        List<Object> args = new java.util.ArrayList<>(List.of(filter.businessDay()));
        if (filter.msisdn() != null) {
            sql.append("and msisdn = ? ");
            args.add(filter.msisdn());
        }
        if (filter.messageId() != null) {
            sql.append("and message_id = ? ");
            args.add(filter.messageId());
        }
        if (filter.kind() != null) {
            sql.append("and kind = ? ");
            args.add(filter.kind().name());
        }
        if (after != null) {
            sql.append("and event_id > ? ");
            args.add(after);
        }
        sql.append("order by event_id limit ?");
        args.add(limit);
        return jdbc.query(sql.toString(), ROW, args.toArray());
    }

    /**
     * The business days of a period, said again so that PostgreSQL reads only the period's monthly partition (and the
     * default one): the period is the month of the business day.
     */
    private static final String IN_PERIOD = "and business_day >= ? and business_day < ? ";

    private static LocalDate firstDay(String period) {
        return YearMonth.parse(period).atDay(1);
    }

    private static LocalDate nextPeriod(String period) {
        return YearMonth.parse(period).plusMonths(1).atDay(1);
    }

    /** Rows a day's cursor fetches per round trip. */
    private static final int DAY_FETCH_SIZE = 1_000;

    /**
     * Hands every current record of a business day to {@code each}, in node and sequence order, as the database
     * returns them (a cursor, {@value #DAY_FETCH_SIZE} rows at a time): a day of records is never in memory at once.
     * Returns how many.
     */
    public long forEachCurrentOfDay(LocalDate day, Consumer<RatedRecord> each) {
        return jdbc.execute((ConnectionCallback<Long>) con -> {
            // PostgreSQL's driver reads with a cursor only inside a transaction
            boolean autoCommit = con.getAutoCommit();
            if (autoCommit) {
                con.setAutoCommit(false);
            }
            try (PreparedStatement select = con.prepareStatement("select " + COLUMNS
                    + " from billing.rated_record where business_day = ? and current order by node_id, sequence")) {
                select.setFetchSize(DAY_FETCH_SIZE);
                select.setObject(1, day);
                long n = 0;
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        each.accept(ROW.mapRow(rs, (int) Math.min(n, Integer.MAX_VALUE)));
                        n++;
                    }
                }
                return n;
            } finally {
                if (autoCommit) {
                    con.rollback(); // it only read
                    con.setAutoCommit(true);
                }
            }
        });
    }

    /** Subscribers with current records in a period. */
    public List<String> subscribersIn(String period) {
        return jdbc.queryForList("select distinct msisdn from billing.rated_record where period = ? and current " + IN_PERIOD
                + "order by msisdn", String.class, period, firstDay(period), nextPeriod(period));
    }

    private static void bind(PreparedStatement ps, RatedRecord r) throws SQLException {
        int i = 1;
        ps.setObject(i++, r.eventId());
        ps.setInt(i++, r.version());
        ps.setBoolean(i++, r.current());
        ps.setString(i++, r.nodeId());
        ps.setLong(i++, r.sequence());
        ps.setObject(i++, r.eventTime().atOffset(ZoneOffset.UTC));
        ps.setObject(i++, r.businessDay());
        ps.setString(i++, r.period());
        ps.setString(i++, r.msisdn());
        ps.setString(i++, r.chargedRole().name());
        ps.setString(i++, r.kind().name());
        ps.setString(i++, r.channel().name());
        ps.setString(i++, r.direction() == null ? null : r.direction().name());
        ps.setBoolean(i++, r.service());
        ps.setString(i++, r.eventPlan());
        ps.setString(i++, r.messageId());
        ps.setString(i++, r.otherParty());
        ps.setString(i++, r.otherOperator());
        ps.setString(i++, r.smscReference());
        if (r.segments() == null) {
            ps.setNull(i++, Types.INTEGER);
        } else {
            ps.setInt(i++, r.segments());
        }
        if (r.bytes() == null) {
            ps.setNull(i++, Types.BIGINT);
        } else {
            ps.setLong(i++, r.bytes());
        }
        ps.setString(i++, r.planId());
        ps.setInt(i++, r.planVersion());
        ps.setLong(i++, r.chargedUnits());
        ps.setLong(i++, r.allowanceUnits());
        ps.setBigDecimal(i++, r.amount());
        ps.setBigDecimal(i++, r.passThroughAmount());
        ps.setString(i++, r.currency());
        ps.setString(i++, r.rule());
        ps.setObject(i++, r.ratedAt().atOffset(ZoneOffset.UTC));
        ps.setString(i, r.ratingReason().name());
    }

    static RatedRecord map(ResultSet rs, int row) throws SQLException {
        String direction = rs.getString("direction");
        long bytes = rs.getLong("bytes");
        Long bytesOrNull = rs.wasNull() ? null : bytes;
        int segments = rs.getInt("segments");
        Integer segmentsOrNull = rs.wasNull() ? null : segments;
        return new RatedRecord(rs.getObject("event_id", UUID.class), rs.getInt("version"), rs.getBoolean("current"),
                rs.getString("node_id"), rs.getLong("sequence"), rs.getTimestamp("event_time").toInstant(),
                rs.getObject("business_day", LocalDate.class), rs.getString("period"), rs.getString("msisdn"),
                ChargedRole.valueOf(rs.getString("charged_role")), ChargingKind.valueOf(rs.getString("kind")),
                Channel.valueOf(rs.getString("channel")), direction == null ? null : Direction.valueOf(direction),
                rs.getBoolean("service"), rs.getString("event_plan"), rs.getString("message_id"),
                rs.getString("other_party"), rs.getString("other_operator"), rs.getString("smsc_reference"),
                segmentsOrNull, bytesOrNull, rs.getString("plan_id"), rs.getInt("plan_version"),
                rs.getLong("charged_units"), rs.getLong("allowance_units"), rs.getBigDecimal("amount"),
                rs.getBigDecimal("pass_through_amount"), rs.getString("currency"), rs.getString("rule"),
                rs.getTimestamp("rated_at").toInstant(), RatedRecord.RatingReason.valueOf(rs.getString("rating_reason")));
    }
}
