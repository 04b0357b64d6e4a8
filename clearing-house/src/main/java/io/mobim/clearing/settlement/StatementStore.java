package io.mobim.clearing.settlement;

import io.mobim.events.EventJson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** Statements in {@code clearing.statement}: the whole statement as JSON, and its key figures as columns. */
public class StatementStore {

    private static final String COLUMNS = "id, body::text, created_at, closed_at";

    private final JdbcTemplate jdbc;

    public StatementStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores {@code s} (a draft replaces the period's previous draft); returns it with its id. */
    public Statement save(Statement s, long settledSeq, Instant now) {
        jdbc.update("delete from clearing.statement where agreement_id = ? and period_start = ? and status = 'DRAFT'",
                s.agreementId(), start(s));
        Instant closed = s.status() == StatementStatus.CLOSED ? now : null;
        Long id = jdbc.queryForObject("insert into clearing.statement (agreement_id, period, period_start, period_end, status, currency, "
                        + "gross_a_to_b, gross_b_to_a, net_amount, net_payer, settled_seq, body, created_at, closed_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?) returning id", Long.class,
                s.agreementId(), s.period(), start(s), Timestamp.from(s.periodEnd().atStartOfDay(ZoneOffset.UTC).toInstant()),
                s.status().name(), s.currency().getCurrencyCode(), s.grossAToB(), s.grossBToA(), s.netAmount(), s.netPayer(),
                settledSeq, EventJson.mapper().writeValueAsString(s), Timestamp.from(now), closed == null ? null : Timestamp.from(closed));
        return s.stored(id, now, closed);
    }

    public Optional<Statement> closed(String agreementId, java.time.LocalDate periodStart) {
        return jdbc.query("select " + COLUMNS + " from clearing.statement where agreement_id = ? and period_start = ? and status = 'CLOSED'",
                StatementStore::statement, agreementId, Timestamp.from(periodStart.atStartOfDay(ZoneOffset.UTC).toInstant()))
                .stream().findFirst();
    }

    public Optional<Statement> get(long id) {
        return jdbc.query("select " + COLUMNS + " from clearing.statement where id = ?", StatementStore::statement, id).stream().findFirst();
    }

    /** Statements of one agreement (or all) and one period (or all), newest period first. */
    public List<Statement> list(String agreementId, String period) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from clearing.statement where true");
        List<Object> args = new ArrayList<>();
        if (agreementId != null) {
            sql.append(" and agreement_id = ?");
            args.add(agreementId);
        }
        if (period != null) {
            sql.append(" and period = ?");
            args.add(period);
        }
        sql.append(" order by period_start desc, agreement_id, status");
        return jdbc.query(sql.toString(), StatementStore::statement, args.toArray());
    }

    private static Timestamp start(Statement s) {
        return Timestamp.from(s.periodStart().atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static Statement statement(ResultSet rs, int i) throws SQLException {
        Statement body = EventJson.mapper().readValue(rs.getString(2), Statement.class);
        Timestamp closed = rs.getTimestamp(4);
        return body.stored(rs.getLong(1), rs.getTimestamp(3).toInstant(), closed == null ? null : closed.toInstant());
    }
}
