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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Settles agreements' periods: sums their settleable messages in one query (matched or resolved, not covered by a
 * closed statement, event time before the period's end: those before its start are late adjustments), and their open
 * disputes (withheld), and prices each agreement's sums ({@link StatementBuilder}). The agreements of a period are
 * summed in the same pass over the messages, and settled in one transaction. A draft can be made any number of times;
 * closing stores the statement for good and records what it covers ({@code clearing.settled_state}: event times before
 * the period's end, settled up to this run), so that nothing it settled is settled again and nothing it did not is
 * lost. Periods of an agreement are closed in order.
 */
public class SettlementService {

    // c: the agreements settled, each with what its closed statements cover
    private static final String SUMS = """
            select m.agreement_id, m.originating_operator, m.channel, (m.event_time at time zone 'UTC')::date as day,
                   m.status = 'DISPUTED' as disputed, count(*), sum(coalesce(m.resolved_units, m.o_units, m.t_units)),
                   min(m.event_time), max(m.event_time)
            from clearing.message m
            join (values %s) as c(agreement_id, settled_until, settled_seq) on c.agreement_id = m.agreement_id
            where m.event_time < ?
              and (m.status in ('MATCHED', 'RESOLVED') and m.settle_seq <= ? or m.status = 'DISPUTED')
              and not (m.settle_seq is not null and m.event_time < c.settled_until and m.settle_seq <= c.settled_seq)
            group by 1, 2, 3, 4, 5
            """;

    /** What the closed statements of an agreement cover (see {@code clearing.message.settle_seq}). */
    private record Covered(String agreementId, Timestamp until, long settledSeq) {
    }

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
        return settle(Map.of(agreementId, versions), span, close, progress).get(0);
    }

    /**
     * The statements of every agreement valid in {@code period} whose settlement period is of its kind: a month
     * ({@code 2026-10}) settles the monthly agreements, a week ({@code 2026-W41}) the weekly ones.
     */
    public List<Statement> settleAll(String period, boolean close, Progress progress) {
        SettlementPeriod kind = SettlementPeriod.named(period);
        SettlementPeriod.Span span = kind.parse(period);
        Map<String, List<Agreement>> valid = new LinkedHashMap<>();
        agreements.byAgreement().forEach((id, versions) -> {
            if (versions.get(0).terms().settlementPeriod() == kind
                    && versions.stream().anyMatch(v -> v.terms().validFrom().isBefore(span.end())
                            && (v.terms().validTo() == null || v.terms().validTo().isAfter(span.start())))) {
                valid.put(id, versions);
            }
        });
        return valid.isEmpty() ? List.of() : settle(valid, span, close, progress);
    }

    /** The statements of {@code span} for the agreements {@code versions} names, in its order. */
    private List<Statement> settle(Map<String, List<Agreement>> versions, SettlementPeriod.Span span, boolean close,
            Progress progress) {
        return metrics.settlementTimer().record(() -> tx.execute(s -> {
            ClearingLock.acquire(jdbc);
            int steps = versions.size() + 1;
            Map<String, Statement> out = new LinkedHashMap<>();
            List<Covered> open = new ArrayList<>();
            versions.forEach((id, v) -> {
                out.put(id, null);
                statements.closed(id, span.start()).ifPresentOrElse(
                        closed -> out.put(id, closed),   // a closed period never changes
                        () -> open.add(covered(id, v, span)));
            });
            long run = jdbc.queryForObject("select nextval('clearing.run_seq')", Long.class);
            Timestamp end = Timestamp.from(span.end().atStartOfDay(ZoneOffset.UTC).toInstant());
            progress.phase("summing the messages of " + open.size() + " agreements for " + span.label(), 0, steps);
            Map<String, List<TrafficAggregate>> sums = sums(open, end, run);
            int done = 1;
            for (Covered c : open) {
                progress.phase(c.agreementId() + ": pricing " + sums.get(c.agreementId()).size() + " sums", done++, steps);
                // under fxRule PERIOD_END each version prices with the rates published for the period's last day
                List<Agreement> priced = versions.get(c.agreementId()).stream().map(v -> rates.forPeriodEnding(v, span.end())).toList();
                Statement statement = StatementBuilder.build(priced, span, sums.get(c.agreementId()),
                        close ? StatementStatus.CLOSED : StatementStatus.DRAFT);
                out.put(c.agreementId(), statements.save(statement, run, clock.instant()));
                if (close) {
                    jdbc.update("insert into clearing.settled_state (agreement_id, settled_until, settled_seq) values (?, ?, ?) "
                            + "on conflict (agreement_id) do update set settled_until = excluded.settled_until, "
                            + "settled_seq = excluded.settled_seq", c.agreementId(), end, run);
                    metrics.settled(statement.controlTotals().messages());
                }
            }
            progress.phase("done", steps, steps);
            return List.copyOf(out.values());
        }));
    }

    /** What the closed statements of {@code agreementId} cover; fails unless {@code span} is its next period. */
    private Covered covered(String agreementId, List<Agreement> versions, SettlementPeriod.Span span) {
        Map<String, Object> state = jdbc.queryForList("select settled_until, settled_seq from clearing.settled_state where agreement_id = ?",
                agreementId).stream().findFirst().orElse(null);
        if (state == null) {
            // before any closed statement nothing is covered (event times are never before the epoch: see the ingest window)
            return new Covered(agreementId, new Timestamp(0), 0);
        }
        Timestamp until = (Timestamp) state.get("settled_until");
        LocalDate next = until.toInstant().atOffset(ZoneOffset.UTC).toLocalDate();
        if (!span.start().equals(next)) {
            String nextLabel = versions.get(0).terms().settlementPeriod().of(next).label();
            throw new IllegalStateException("periods of " + agreementId + " are settled in order: the next one is "
                    + nextLabel + ", not " + span.label());
        }
        return new Covered(agreementId, until, ((Number) state.get("settled_seq")).longValue());
    }

    /** The sums of each agreement of {@code open} (an empty list for one without messages), in one pass. */
    private Map<String, List<TrafficAggregate>> sums(List<Covered> open, Timestamp end, long run) {
        Map<String, List<TrafficAggregate>> sums = new HashMap<>();
        open.forEach(c -> sums.put(c.agreementId(), new ArrayList<>()));
        if (open.isEmpty()) {
            return sums;
        }
        List<Object> args = new ArrayList<>();
        open.forEach(c -> args.addAll(List.of(c.agreementId(), c.until(), c.settledSeq())));
        args.addAll(List.of(end, run));
        String rows = String.join(", ", Collections.nCopies(open.size(), "(?::varchar, ?::timestamptz, ?::bigint)"));
        jdbc.query(SUMS.formatted(rows), rs -> {
            sums.get(rs.getString(1)).add(new TrafficAggregate(rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                    rs.getBoolean(5), rs.getLong(6), rs.getLong(7), rs.getTimestamp(8).toInstant(), rs.getTimestamp(9).toInstant()));
        }, args.toArray());
        return sums;
    }
}
