package io.mobim.clearing.agreement;

import io.mobim.clearing.ClearingLock;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Agreements and their versions ({@code clearing.agreement}), and the flat timeline of which version governs which
 * direction of traffic when ({@code clearing.agreement_term}), which matching joins. A new version keeps its
 * agreement's parties, settlement period and currency; two agreements of the same two operators may not be valid on the same day.
 */
public class AgreementService {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    public AgreementService(JdbcTemplate jdbc, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    /** Adds the next version of {@code agreementId} (the first if it is new) and returns it. */
    public Agreement addVersion(String agreementId, AgreementTerms terms) {
        if (agreementId == null || !agreementId.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")) {
            throw new IllegalArgumentException("an agreement id is 1..64 of letters, digits, '_', '.', '-'");
        }
        return tx.execute(status -> {
            ClearingLock.acquire(jdbc);
            List<Agreement> existing = versions(agreementId);
            if (!existing.isEmpty()) {
                AgreementTerms first = existing.get(0).terms();
                if (!first.partyA().equals(terms.partyA()) || !first.partyB().equals(terms.partyB())) {
                    throw new IllegalStateException("agreement " + agreementId + " is between " + first.partyA() + " and "
                            + first.partyB() + "; a new version keeps its parties in the same order");
                }
                if (first.settlementPeriod() != terms.settlementPeriod()
                        || !first.settlementCurrency().equals(terms.settlementCurrency())) {
                    throw new IllegalStateException("agreement " + agreementId + " settles " + first.settlementPeriod() + " in "
                            + first.settlementCurrency() + "; a new version keeps its settlement period and currency");
                }
            }
            for (Agreement other : all()) {
                boolean samePair = other.terms().partyA().equals(terms.partyA()) && other.terms().partyB().equals(terms.partyB())
                        || other.terms().partyA().equals(terms.partyB()) && other.terms().partyB().equals(terms.partyA());
                if (samePair && !other.agreementId().equals(agreementId) && overlaps(other.terms(), terms)) {
                    throw new IllegalStateException("agreement " + other.agreementId() + " (version " + other.version()
                            + ") already governs " + terms.partyA() + " and " + terms.partyB() + " on some of these days");
                }
            }
            int version = existing.stream().mapToInt(Agreement::version).max().orElse(0) + 1;
            Instant now = clock.instant();
            jdbc.update("insert into clearing.agreement (agreement_id, version, party_a, party_b, valid_from, valid_to, terms, created_at) "
                            + "values (?, ?, ?, ?, ?, ?, ?::jsonb, ?)", agreementId, version, terms.partyA(), terms.partyB(),
                    terms.validFrom(), terms.validTo(), AgreementJson.write(terms), Timestamp.from(now));
            List<Agreement> versions = new ArrayList<>(existing);
            Agreement added = new Agreement(agreementId, version, now, terms);
            versions.add(added);
            rebuildTimeline(agreementId, versions);
            return added;
        });
    }

    /** Every version of every agreement, by agreement id then version. */
    public List<Agreement> all() {
        return jdbc.query("select agreement_id, version, created_at, terms::text from clearing.agreement order by agreement_id, version",
                (rs, i) -> new Agreement(rs.getString(1), rs.getInt(2), rs.getTimestamp(3).toInstant(), AgreementJson.read(rs.getString(4))));
    }

    /** The versions of one agreement, oldest first; empty if there is no such agreement. */
    public List<Agreement> versions(String agreementId) {
        return jdbc.query("select agreement_id, version, created_at, terms::text from clearing.agreement where agreement_id = ? order by version",
                (rs, i) -> new Agreement(rs.getString(1), rs.getInt(2), rs.getTimestamp(3).toInstant(), AgreementJson.read(rs.getString(4))),
                agreementId);
    }

    /** The agreements' versions by agreement id. */
    public Map<String, List<Agreement>> byAgreement() {
        return all().stream().collect(Collectors.groupingBy(Agreement::agreementId, java.util.TreeMap::new, Collectors.toList()));
    }

    /** The version that governs {@code day} among {@code versions}: the highest valid on it, or null. */
    public static Agreement governing(List<Agreement> versions, LocalDate day) {
        return versions.stream().filter(v -> v.validOn(day)).max(Comparator.comparingInt(Agreement::version)).orElse(null);
    }

    private static boolean overlaps(AgreementTerms a, AgreementTerms b) {
        boolean aEndsBeforeB = a.validTo() != null && !a.validTo().isAfter(b.validFrom());
        boolean bEndsBeforeA = b.validTo() != null && !b.validTo().isAfter(a.validFrom());
        return !aEndsBeforeB && !bEndsBeforeA;
    }

    /** Flattens the versions into intervals that do not overlap, each governed by the highest version valid in it. */
    private void rebuildTimeline(String agreementId, List<Agreement> versions) {
        jdbc.update("delete from clearing.agreement_term where agreement_id = ?", agreementId);
        TreeSet<LocalDate> bounds = new TreeSet<>();
        boolean openEnded = false;
        for (Agreement v : versions) {
            bounds.add(v.terms().validFrom());
            if (v.terms().validTo() == null) {
                openEnded = true;
            } else {
                bounds.add(v.terms().validTo());
            }
        }
        List<LocalDate> points = new ArrayList<>(bounds);
        List<Object[]> rows = new ArrayList<>();
        Agreement current = null;
        LocalDate from = null;
        for (int i = 0; i <= points.size(); i++) {
            LocalDate point = i < points.size() ? points.get(i) : null;
            Agreement governing = point == null ? null : governing(versions, point);
            if (point != null && governing == current) {
                continue;
            }
            if (current != null) {
                LocalDate to = point == null && openEnded ? null : point;
                rows.addAll(termRows(current, from, to));
            }
            current = governing;
            from = point;
        }
        jdbc.batchUpdate("insert into clearing.agreement_term (agreement_id, version, originating_operator, terminating_operator, "
                + "valid_from, valid_to, time_tolerance_s, units_tolerance_pct) values (?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    private static List<Object[]> termRows(Agreement v, LocalDate from, LocalDate to) {
        AgreementTerms t = v.terms();
        Timestamp start = Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant());
        Timestamp end = to == null ? null : Timestamp.from(to.atStartOfDay(ZoneOffset.UTC).toInstant());
        return List.of(
                new Object[] {v.agreementId(), v.version(), t.partyA(), t.partyB(), start, end, t.timeToleranceSeconds(), t.unitsTolerancePct()},
                new Object[] {v.agreementId(), v.version(), t.partyB(), t.partyA(), start, end, t.timeToleranceSeconds(), t.unitsTolerancePct()});
    }
}
