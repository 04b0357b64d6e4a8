package io.mobim.clearing.settlement;

import io.mobim.clearing.ClearingLock;
import io.mobim.clearing.ClearingMetrics;
import io.mobim.clearing.agreement.Agreement;
import io.mobim.clearing.agreement.AgreementService;
import io.mobim.clearing.agreement.ExchangeRates;
import io.mobim.clearing.agreement.SettlementPeriod;
import io.mobim.clearing.job.Progress;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Settles an agreement's period: sums its settleable messages in one query (matched or resolved, not covered by a
 * closed statement, event time before the period's end: those before its start are late adjustments), and its open
 * disputes (withheld), and prices the sums ({@link StatementBuilder}). A draft can be made any number of times; closing
 * stores the statement for good and records what it covers ({@code clearing.settled_state}: event times before the
 * period's end, settled up to this run), so that nothing it settled is settled again and nothing it did not is lost.
 * Periods of an agreement are closed in order.
 */
public class SettlementService {

    private static final String SUMS = """
            select originating_operator, channel, (event_time at time zone 'UTC')::date as day, status = 'DISPUTED' as disputed,
                   count(*), sum(coalesce(resolved_units, o_units, t_units)), min(event_time), max(event_time)
            from clearing.message
            where agreement_id = ? and event_time < ?
              and (status in ('MATCHED', 'RESOLVED') and settle_seq <= ? or status = 'DISPUTED')
              and not (settle_seq is not null and event_time < ? and settle_seq <= ?)
            group by 1, 2, 3, 4
            """;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final AgreementService agreements;
    private final ExchangeRates rates;
    private final StatementStore statements;
    private final ClearingMetrics metrics;
    private final Clock clock;

    public SettlementService(JdbcTemplate jdbc, TransactionTemplate tx, AgreementService agreements, ExchangeRates rates,
            StatementStore statements, ClearingMetrics metrics, Clock clock) {
        this.rates = rates;
        this.jdbc = jdbc;
        this.tx = tx;
        this.agreements = agreements;
        this.statements = statements;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** The statement of one agreement's period: a draft, or closed for good with {@code close}. */
    public Statement settle(String agreementId, String period, boolean close, Progress progress) {
        List<Agreement> versions = agreements.versions(agreementId);
        if (versions.isEmpty()) {
            throw new NoSuchElementException("no agreement " + agreementId);
        }
        SettlementPeriod.Span span = versions.get(0).terms().settlementPeriod().parse(period);
        return metrics.settlementTimer().record(() -> tx.execute(s -> {
            ClearingLock.acquire(jdbc);
            var closed = statements.closed(agreementId, span.start());
            if (closed.isPresent()) {
                return closed.get();   // a closed period never changes
            }
            Map<String, Object> state = jdbc.queryForList("select settled_until, settled_seq from clearing.settled_state where agreement_id = ?",
                    agreementId).stream().findFirst().orElse(null);
            // before any closed statement nothing is covered (event times are never before the epoch: see the ingest window)
            Timestamp until = state == null ? new Timestamp(0) : (Timestamp) state.get("settled_until");
            long settledSeq = state == null ? 0 : ((Number) state.get("settled_seq")).longValue();
            if (state != null) {
                LocalDate next = until.toInstant().atOffset(ZoneOffset.UTC).toLocalDate();
                if (!span.start().equals(next)) {
                    String nextLabel = versions.get(0).terms().settlementPeriod().of(next).label();
                    throw new IllegalStateException("periods of " + agreementId + " are settled in order: the next one is "
                            + nextLabel + ", not " + span.label());
                }
            }
            long run = jdbc.queryForObject("select nextval('clearing.run_seq')", Long.class);
            progress.phase("summing the messages of " + agreementId + " for " + span.label(), 0, 2);
            Timestamp end = Timestamp.from(span.end().atStartOfDay(ZoneOffset.UTC).toInstant());
            List<TrafficAggregate> sums = jdbc.query(SUMS, (rs, i) -> new TrafficAggregate(rs.getString(1), rs.getString(2),
                    rs.getObject(3, LocalDate.class), rs.getBoolean(4), rs.getLong(5), rs.getLong(6),
                    rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant()), agreementId, end, run, until, settledSeq);
            progress.phase("pricing " + sums.size() + " sums", 1, 2);
            // under fxRule PERIOD_END each version prices with the rates published for the period's last day
            List<Agreement> priced = versions.stream().map(v -> rates.forPeriodEnding(v, span.end())).toList();
            Statement statement = StatementBuilder.build(priced, span, sums,
                    close ? StatementStatus.CLOSED : StatementStatus.DRAFT);
            Instant now = clock.instant();
            Statement saved = statements.save(statement, run, now);
            if (close) {
                jdbc.update("insert into clearing.settled_state (agreement_id, settled_until, settled_seq) values (?, ?, ?) "
                        + "on conflict (agreement_id) do update set settled_until = excluded.settled_until, "
                        + "settled_seq = excluded.settled_seq", agreementId, end, run);
                metrics.settled(statement.controlTotals().messages());
            }
            progress.phase("done", 2, 2);
            return saved;
        }));
    }

    /**
     * The statements of every agreement valid in {@code period} whose settlement period is of its kind: a month
     * ({@code 2026-10}) settles the monthly agreements, a week ({@code 2026-W41}) the weekly ones.
     */
    public List<Statement> settleAll(String period, boolean close, Progress progress) {
        SettlementPeriod kind = SettlementPeriod.named(period);
        SettlementPeriod.Span span = kind.parse(period);
        Map<String, List<Agreement>> all = agreements.byAgreement();
        List<String> ids = new ArrayList<>();
        all.forEach((id, versions) -> {
            if (versions.get(0).terms().settlementPeriod() == kind
                    && versions.stream().anyMatch(v -> v.terms().validFrom().isBefore(span.end())
                            && (v.terms().validTo() == null || v.terms().validTo().isAfter(span.start())))) {
                ids.add(id);
            }
        });
        List<Statement> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            int done = i;
            out.add(settle(id, period, close, (phase, d, t) -> progress.phase(id + ": " + phase, done, ids.size())));
        }
        progress.phase("done", ids.size(), ids.size());
        return out;
    }
}
