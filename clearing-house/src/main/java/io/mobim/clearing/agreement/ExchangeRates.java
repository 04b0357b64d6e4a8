package io.mobim.clearing.agreement;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reference exchange rates published per day ({@code clearing.exchange_rate}), for agreements whose {@link FxRule} is
 * {@link FxRule#PERIOD_END}: a statement converts with the rate of its period's last day, or the latest before it.
 */
public class ExchangeRates {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    public ExchangeRates(JdbcTemplate jdbc, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    /** One day's rates into {@code quote}: units of {@code quote} per unit of each currency. */
    public record Publication(LocalDate date, Currency quoteCurrency, String source, Map<Currency, BigDecimal> rates) {

        public Publication {
            Objects.requireNonNull(date, "date is required");
            Objects.requireNonNull(quoteCurrency, "quoteCurrency is required");
            if (source == null || !source.matches("[A-Za-z0-9_.-]{1,16}")) {
                throw new IllegalArgumentException("source is 1..16 of letters, digits, '_', '.', '-' (e.g. GSER, ECB)");
            }
            if (rates == null || rates.isEmpty()) {
                throw new IllegalArgumentException("rates: at least one currency");
            }
            for (Map.Entry<Currency, BigDecimal> r : rates.entrySet()) {
                if (r.getKey().equals(quoteCurrency)) {
                    throw new IllegalArgumentException("a rate of " + quoteCurrency + " into itself is 1");
                }
                if (r.getValue() == null || r.getValue().signum() <= 0 || r.getValue().scale() > AgreementTerms.EXCHANGE_RATE_SCALE) {
                    throw new IllegalArgumentException("rate of " + r.getKey() + " must be > 0 with at most "
                            + AgreementTerms.EXCHANGE_RATE_SCALE + " decimals");
                }
            }
            rates = Map.copyOf(rates);
        }
    }

    /** A day's rates as {@code PUT /exchange-rates/{date}} takes them (the day is in the path). */
    public record Rates(Currency quoteCurrency, String source, Map<Currency, BigDecimal> rates) {

        public Publication on(LocalDate date) {
            return new Publication(date, quoteCurrency, source, rates);
        }
    }

    /** Stores a day's rates (replacing that day's earlier ones for the same currencies). */
    public void publish(Publication p) {
        Timestamp now = Timestamp.from(clock.instant());
        tx.executeWithoutResult(s -> p.rates().forEach((currency, rate) -> jdbc.update("""
                insert into clearing.exchange_rate (rate_date, currency, quote_currency, rate, source, published_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (currency, quote_currency, rate_date) do update set rate = excluded.rate, source = excluded.source,
                    published_at = excluded.published_at""",
                p.date(), currency.getCurrencyCode(), p.quoteCurrency().getCurrencyCode(), rate, p.source(), now)));
    }

    /** The rates published for {@code date}, by quote currency then currency. */
    public Map<String, Map<String, BigDecimal>> on(LocalDate date) {
        Map<String, Map<String, BigDecimal>> out = new TreeMap<>();
        jdbc.query("select quote_currency, currency, rate from clearing.exchange_rate where rate_date = ?", rs -> {
            out.computeIfAbsent(rs.getString(1), q -> new TreeMap<>()).put(rs.getString(2), rs.getBigDecimal(3));
        }, date);
        return out;
    }

    /** The rate of {@code currency} into {@code quote} published for {@code day} or the latest day before it. */
    public Optional<BigDecimal> onOrBefore(Currency currency, Currency quote, LocalDate day) {
        List<BigDecimal> rate = jdbc.queryForList("""
                select rate from clearing.exchange_rate where currency = ? and quote_currency = ? and rate_date <= ?
                order by rate_date desc limit 1""", BigDecimal.class, currency.getCurrencyCode(), quote.getCurrencyCode(), day);
        return rate.stream().findFirst().map(BigDecimal::stripTrailingZeros);
    }

    /**
     * {@code version} as it prices a period ending before {@code end}: unchanged under {@link FxRule#AGREED}; under
     * {@link FxRule#PERIOD_END} with the published rates of the period's last day written in.
     *
     * @throws IllegalStateException if a currency its prices use has no rate published on or before that day
     */
    public Agreement forPeriodEnding(Agreement version, LocalDate end) {
        AgreementTerms t = version.terms();
        if (t.fxRule() != FxRule.PERIOD_END) {
            return version;
        }
        LocalDate lastDay = end.minusDays(1);
        Map<Currency, BigDecimal> rates = new HashMap<>();
        for (Currency c : t.priceCurrencies()) {
            if (!c.equals(t.settlementCurrency())) {
                rates.put(c, onOrBefore(c, t.settlementCurrency(), lastDay).orElseThrow(() -> new IllegalStateException(
                        "no exchange rate of " + c + " into " + t.settlementCurrency() + " published on or before " + lastDay
                                + " (PUT /api/v1/clearing/exchange-rates/" + lastDay + ")")));
            }
        }
        return new Agreement(version.agreementId(), version.version(), version.createdAt(), t.pricedWith(rates));
    }
}
