package io.mobim.clearing.settlement;

import io.mobim.clearing.agreement.Agreement;
import io.mobim.clearing.agreement.AgreementService;
import io.mobim.clearing.agreement.AgreementTerms;
import io.mobim.clearing.agreement.ChargingModel;
import io.mobim.clearing.agreement.Direction;
import io.mobim.clearing.agreement.HubFee;
import io.mobim.clearing.agreement.Rate;
import io.mobim.clearing.agreement.SettlementPeriod;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Works out a statement from an agreement's versions and its traffic summed per direction, channel and day: one line
 * per kind, direction, channel, event period and agreement version, each amount rounded once ({@link Amounts}); fees
 * and shares from the priced lines; gross each way, and the net with its payer. Pure: no database, no clock.
 */
public final class StatementBuilder {

    private StatementBuilder() {
    }

    private record Key(LineKind kind, Direction direction, String channel, String eventPeriod, int version)
            implements Comparable<Key> {
        private static final Comparator<Key> ORDER = Comparator.comparing(Key::kind).thenComparing(Key::eventPeriod)
                .thenComparing(Key::direction).thenComparing(Key::channel).thenComparingInt(Key::version);

        @Override
        public int compareTo(Key o) {
            return ORDER.compare(this, o);
        }
    }

    /** The statement (without id and times) of {@code period} for {@code versions}' agreement. */
    public static Statement build(List<Agreement> versions, SettlementPeriod.Span period, List<TrafficAggregate> traffic,
            StatementStatus status) {
        Agreement latest = versions.get(versions.size() - 1);
        AgreementTerms any = latest.terms();
        SettlementPeriod periods = any.settlementPeriod();
        Currency currency = any.settlementCurrency();
        Map<Key, long[]> sums = new TreeMap<>();
        Instant earliest = null;
        Instant latestEvent = null;
        for (TrafficAggregate t : traffic) {
            Agreement v = AgreementService.governing(versions, t.day());
            if (v == null) {
                throw new IllegalStateException("no version of agreement " + latest.agreementId() + " governs " + t.day());
            }
            LineKind kind = t.disputed() ? LineKind.DISPUTE_WITHHELD
                    : t.day().isBefore(period.start()) ? LineKind.LATE_ADJUSTMENT : LineKind.TRAFFIC;
            long[] sum = sums.computeIfAbsent(new Key(kind, v.direction(t.originatingOperator()), t.channel(),
                    periods.of(t.day()).label(), v.version()), k -> new long[2]);
            sum[0] += t.messages();
            sum[1] += t.units();
            if (!t.disputed()) {
                earliest = earliest == null || t.earliest().isBefore(earliest) ? t.earliest() : earliest;
                latestEvent = latestEvent == null || t.latest().isAfter(latestEvent) ? t.latest() : latestEvent;
            }
        }

        List<StatementLine> lines = new ArrayList<>();
        List<StatementLine> withheld = new ArrayList<>();
        Map<Integer, BigDecimal> retailByVersion = new TreeMap<>();
        TreeSet<Integer> used = new TreeSet<>();
        for (Map.Entry<Key, long[]> e : sums.entrySet()) {
            Key k = e.getKey();
            Agreement v = version(versions, k.version());
            AgreementTerms terms = v.terms();
            boolean owed = terms.chargingModel() != ChargingModel.REVENUE_SHARE;
            Rate rate = terms.rate(k.direction());
            BigDecimal price = rate == null ? BigDecimal.ZERO : rate.price();
            Currency priceCurrency = rate == null ? currency : rate.currency();
            BigDecimal fx = terms.exchangeRate(priceCurrency);
            long messages = e.getValue()[0];
            long units = e.getValue()[1];
            BigDecimal amount = Amounts.round(price.multiply(BigDecimal.valueOf(units)).multiply(fx), currency);
            String payer = owed ? v.originOf(k.direction()) : null;
            String payee = owed ? v.destinationOf(k.direction()) : null;
            List<StatementLine> into = k.kind() == LineKind.DISPUTE_WITHHELD ? withheld : lines;
            into.add(new StatementLine(into.size() + 1, k.kind(), k.direction(), k.channel(), k.eventPeriod(), k.version(),
                    messages, units, price, priceCurrency, fx, amount, Amounts.minor(amount, currency), payer, payee));
            if (k.kind() == LineKind.DISPUTE_WITHHELD) {
                continue;
            }
            used.add(k.version());
            if (terms.chargingModel() == ChargingModel.HUB_FEE) {
                HubFee hub = terms.hubFee();
                BigDecimal hubFx = terms.exchangeRate(hub.currency());
                BigDecimal fee = Amounts.round(hub.price().multiply(BigDecimal.valueOf(units)).multiply(hubFx), currency);
                lines.add(new StatementLine(lines.size() + 1, LineKind.HUB_FEE, k.direction(), k.channel(), k.eventPeriod(),
                        k.version(), messages, units, hub.price(), hub.currency(), hubFx, fee, Amounts.minor(fee, currency),
                        v.originOf(k.direction()), hub.hubId()));
            }
            if (!owed) {
                retailByVersion.merge(k.version(), amount, BigDecimal::add);
            }
        }
        for (Map.Entry<Integer, BigDecimal> retail : retailByVersion.entrySet()) {
            Agreement v = version(versions, retail.getKey());
            var share = v.terms().revenueShare();
            BigDecimal kiosk = Amounts.percent(retail.getValue(), share.kioskCommissionPct(), currency);
            BigDecimal provider = Amounts.percent(retail.getValue().subtract(kiosk), share.variableSharePct(), currency);
            lines.add(shareLine(lines.size() + 1, LineKind.KIOSK_COMMISSION, v, period, share.kioskCommissionPct(), kiosk, currency,
                    null, null));
            lines.add(shareLine(lines.size() + 1, LineKind.REVENUE_SHARE, v, period, share.variableSharePct(), provider, currency,
                    v.terms().partyA(), v.terms().partyB()));
        }
        Agreement atStart = AgreementService.governing(versions, period.start());
        if (atStart != null && atStart.terms().chargingModel() == ChargingModel.REVENUE_SHARE) {
            BigDecimal fee = Amounts.round(atStart.terms().revenueShare().fixedLicenceFee(), currency);
            lines.add(shareLine(lines.size() + 1, LineKind.LICENCE_FEE, atStart, period, fee, fee, currency,
                    atStart.terms().partyA(), atStart.terms().partyB()));
            used.add(atStart.version());
        }
        return totals(latest, atStart, period, status, currency, lines, withheld, List.copyOf(used), earliest, latestEvent);
    }

    private static StatementLine shareLine(int number, LineKind kind, Agreement v, SettlementPeriod.Span period, BigDecimal basis,
            BigDecimal amount, Currency currency, String payer, String payee) {
        return new StatementLine(number, kind, null, null, period.label(), v.version(), 0, 0, basis, currency, BigDecimal.ONE,
                amount, Amounts.minor(amount, currency), payer, payee);
    }

    private static Statement totals(Agreement latest, Agreement atStart, SettlementPeriod.Span period, StatementStatus status,
            Currency currency, List<StatementLine> lines, List<StatementLine> withheld, List<Integer> versions,
            Instant earliest, Instant latestEvent) {
        String a = latest.terms().partyA();
        String b = latest.terms().partyB();
        BigDecimal aToB = Amounts.zero(currency);
        BigDecimal bToA = Amounts.zero(currency);
        BigDecimal owed = Amounts.zero(currency);
        long messages = 0;
        long units = 0;
        Map<List<String>, BigDecimal> hubs = new TreeMap<>(Comparator.comparing((List<String> l) -> l.get(0)).thenComparing(l -> l.get(1)));
        for (StatementLine l : lines) {
            if (l.kind() == LineKind.TRAFFIC || l.kind() == LineKind.LATE_ADJUSTMENT) {
                messages += l.messages();
                units += l.units();
            }
            if (l.payer() == null) {
                continue;
            }
            owed = owed.add(l.amount());
            if (l.payer().equals(a) && l.payee().equals(b)) {
                aToB = aToB.add(l.amount());
            } else if (l.payer().equals(b) && l.payee().equals(a)) {
                bToA = bToA.add(l.amount());
            } else {
                hubs.merge(List.of(l.payer(), l.payee()), l.amount(), BigDecimal::add);
            }
        }
        BigDecimal withheldAmount = withheld.stream().map(StatementLine::amount).reduce(Amounts.zero(currency), BigDecimal::add);
        long withheldMessages = withheld.stream().mapToLong(StatementLine::messages).sum();
        var netting = (atStart != null ? atStart : latest).terms().netting();
        BigDecimal net = null;
        String payer = null;
        if (netting == io.mobim.clearing.agreement.Netting.BILATERAL) {
            BigDecimal diff = aToB.subtract(bToA);
            net = diff.abs();
            payer = diff.signum() > 0 ? a : diff.signum() < 0 ? b : null;
        }
        List<Statement.HubFeeTotal> hubFees = hubs.entrySet().stream().map(h -> new Statement.HubFeeTotal(h.getKey().get(0),
                h.getKey().get(1), h.getValue(), Amounts.minor(h.getValue(), currency))).toList();
        Statement.ControlTotals control = new Statement.ControlTotals(messages, units, lines.size(), owed,
                Amounts.minor(owed, currency), earliest, latestEvent, withheldMessages, withheldAmount);
        return new Statement(null, latest.agreementId(), versions, a, b, period.label(), period.start(), period.end(), status,
                currency, List.copyOf(lines), List.copyOf(withheld), control, aToB, bToA, netting, net, payer, hubFees,
                "each line rounded once, " + Amounts.ROUNDING + ", to the currency's minor unit; totals are sums of lines",
                null, null);
    }

    private static Agreement version(List<Agreement> versions, int version) {
        return versions.stream().filter(v -> v.version() == version).findFirst().orElseThrow();
    }
}
