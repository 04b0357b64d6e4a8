package io.mobim.clearing.agreement;

import io.mobim.events.interop.InteropRecord;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The terms of one version of a bilateral agreement, as the clearing team writes them (JSON, see docs/clearing.md).
 * Checked when built: a version that breaks a rule is refused with the rule in words.
 *
 * @param partyA              one operator (or, for {@link ChargingModel#REVENUE_SHARE}, the operator that sells)
 * @param partyB              the other operator (or the content/IM provider)
 * @param validFrom           first UTC day the version governs
 * @param validTo             first UTC day it no longer governs, or null (open-ended); a later version overrides an
 *                            earlier one where both are valid
 * @param chargingModel       how traffic is paid for
 * @param rates               one rate per direction (none for {@link ChargingModel#SENDER_KEEPS_ALL})
 * @param hubFee              the hub's transit fee ({@link ChargingModel#HUB_FEE} only)
 * @param revenueShare        revenue-share terms ({@link ChargingModel#REVENUE_SHARE} only)
 * @param settlementCurrency  the currency of statements
 * @param fxRule              where exchange rates come from
 * @param exchangeRates       settlement-currency units per unit of each other currency used by the rates
 *                            ({@link FxRule#AGREED}; none with {@link FxRule#PERIOD_END})
 * @param settlementPeriod    length of a settlement period
 * @param timeToleranceSeconds how far apart the two sides' event times may be for a match
 * @param unitsTolerancePct   how far apart (in percent of the larger) the two sides' units, hence amounts, may be
 *                            (default 0: equal)
 * @param netting             whether statements net the two gross amounts
 */
public record AgreementTerms(
        String partyA,
        String partyB,
        LocalDate validFrom,
        LocalDate validTo,
        ChargingModel chargingModel,
        List<Rate> rates,
        HubFee hubFee,
        RevenueShare revenueShare,
        Currency settlementCurrency,
        FxRule fxRule,
        Map<Currency, BigDecimal> exchangeRates,
        SettlementPeriod settlementPeriod,
        Integer timeToleranceSeconds,
        BigDecimal unitsTolerancePct,
        Netting netting) {

    /** Most decimals of a price; amounts are rounded to the settlement currency's minor unit once per line. */
    public static final int PRICE_SCALE = 6;
    public static final int EXCHANGE_RATE_SCALE = 8;

    public AgreementTerms {
        operator(partyA, "partyA");
        operator(partyB, "partyB");
        if (partyA.equals(partyB)) {
            throw new IllegalArgumentException("partyA and partyB are the same operator: " + partyA);
        }
        Objects.requireNonNull(validFrom, "validFrom is required");
        if (validTo != null && !validTo.isAfter(validFrom)) {
            throw new IllegalArgumentException("validTo must be after validFrom");
        }
        Objects.requireNonNull(chargingModel, "chargingModel is required");
        rates = rates == null ? List.of() : List.copyOf(rates);
        Objects.requireNonNull(settlementCurrency, "settlementCurrency is required");
        fxRule = fxRule == null ? FxRule.AGREED : fxRule;
        exchangeRates = exchangeRates == null ? Map.of() : Map.copyOf(exchangeRates);
        Objects.requireNonNull(settlementPeriod, "settlementPeriod is required");
        Objects.requireNonNull(netting, "netting is required");
        Objects.requireNonNull(timeToleranceSeconds, "timeToleranceSeconds is required");
        if (timeToleranceSeconds < 0 || timeToleranceSeconds > 86_400) {
            throw new IllegalArgumentException("timeToleranceSeconds must be 0..86400");
        }
        unitsTolerancePct = unitsTolerancePct == null ? BigDecimal.ZERO : unitsTolerancePct;
        percent(unitsTolerancePct, "unitsTolerancePct");

        boolean priced = chargingModel != ChargingModel.SENDER_KEEPS_ALL;
        if (priced) {
            Set<Direction> seen = EnumSet.noneOf(Direction.class);
            for (Rate rate : rates) {
                Objects.requireNonNull(rate.direction(), "a rate needs its direction");
                if (!seen.add(rate.direction())) {
                    throw new IllegalArgumentException("two rates for " + rate.direction());
                }
                price(rate.price(), "rate " + rate.direction());
                convertible(rate.currency(), settlementCurrency, exchangeRates, fxRule);
            }
            if (seen.size() != 2) {
                throw new IllegalArgumentException(chargingModel + " needs a rate for each direction (A_TO_B and B_TO_A)");
            }
        } else if (!rates.isEmpty()) {
            throw new IllegalArgumentException("SENDER_KEEPS_ALL has no rates");
        }
        if (chargingModel == ChargingModel.HUB_FEE) {
            Objects.requireNonNull(hubFee, "HUB_FEE needs hubFee");
            operator(hubFee.hubId(), "hubFee.hubId");
            price(hubFee.price(), "hubFee");
            convertible(hubFee.currency(), settlementCurrency, exchangeRates, fxRule);
        } else if (hubFee != null) {
            throw new IllegalArgumentException("hubFee is for HUB_FEE only");
        }
        if (chargingModel == ChargingModel.REVENUE_SHARE) {
            Objects.requireNonNull(revenueShare, "REVENUE_SHARE needs revenueShare");
            BigDecimal fee = Objects.requireNonNull(revenueShare.fixedLicenceFee(), "revenueShare.fixedLicenceFee is required");
            if (fee.signum() < 0 || fee.scale() > settlementCurrency.getDefaultFractionDigits()) {
                throw new IllegalArgumentException("revenueShare.fixedLicenceFee must be >= 0 in " + settlementCurrency
                        + " minor units at most");
            }
            percent(revenueShare.variableSharePct(), "revenueShare.variableSharePct");
            percent(revenueShare.kioskCommissionPct(), "revenueShare.kioskCommissionPct");
        } else if (revenueShare != null) {
            throw new IllegalArgumentException("revenueShare is for REVENUE_SHARE only");
        }
        if (fxRule == FxRule.PERIOD_END && !exchangeRates.isEmpty()) {
            throw new IllegalArgumentException("fxRule PERIOD_END takes the published rates: no exchangeRates in the agreement");
        }
        for (Map.Entry<Currency, BigDecimal> fx : exchangeRates.entrySet()) {
            BigDecimal r = fx.getValue();
            if (r == null || r.signum() <= 0 || r.scale() > EXCHANGE_RATE_SCALE) {
                throw new IllegalArgumentException("exchange rate of " + fx.getKey() + " must be > 0 with at most "
                        + EXCHANGE_RATE_SCALE + " decimals");
            }
        }
    }

    /** The rate of a direction (null for SENDER_KEEPS_ALL). */
    public Rate rate(Direction direction) {
        return rates.stream().filter(r -> r.direction() == direction).findFirst().orElse(null);
    }

    /** The currencies its prices (rates and hub fee) are written in. */
    public Set<Currency> priceCurrencies() {
        Set<Currency> out = new java.util.HashSet<>();
        rates.forEach(r -> out.add(r.currency()));
        if (hubFee != null) {
            out.add(hubFee.currency());
        }
        return out;
    }

    /**
     * These terms as they price one period under {@link FxRule#PERIOD_END}: with {@code rates} (the published ones) as
     * the exchange rates, written as {@link FxRule#AGREED} for that pricing only.
     */
    public AgreementTerms pricedWith(Map<Currency, BigDecimal> rates) {
        return new AgreementTerms(partyA, partyB, validFrom, validTo, chargingModel, this.rates, hubFee, revenueShare,
                settlementCurrency, FxRule.AGREED, rates, settlementPeriod, timeToleranceSeconds, unitsTolerancePct, netting);
    }

    /** Settlement-currency units per unit of {@code currency}. */
    public BigDecimal exchangeRate(Currency currency) {
        return currency.equals(settlementCurrency) ? BigDecimal.ONE : exchangeRates.get(currency);
    }

    private static void operator(String code, String name) {
        Objects.requireNonNull(code, name + " is required");
        if (!InteropRecord.OPERATOR_ID.matcher(code).matches()) {
            throw new IllegalArgumentException(name + " is not an operator code (" + InteropRecord.OPERATOR_ID.pattern() + ")");
        }
    }

    private static void price(BigDecimal price, String name) {
        if (price == null || price.signum() < 0 || price.scale() > PRICE_SCALE) {
            throw new IllegalArgumentException(name + ": price must be >= 0 with at most " + PRICE_SCALE + " decimals");
        }
    }

    private static void percent(BigDecimal pct, String name) {
        if (pct == null || pct.signum() < 0 || pct.compareTo(BigDecimal.valueOf(100)) > 0 || pct.scale() > 2) {
            throw new IllegalArgumentException(name + " must be 0..100 with at most 2 decimals");
        }
    }

    private static void convertible(Currency currency, Currency settlement, Map<Currency, BigDecimal> rates, FxRule rule) {
        Objects.requireNonNull(currency, "a price needs its currency");
        if (rule == FxRule.AGREED && !currency.equals(settlement) && !rates.containsKey(currency)) {
            throw new IllegalArgumentException("no exchange rate from " + currency + " to " + settlement + " in exchangeRates");
        }
    }
}
