package io.mobim.clearing.settlement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * The one rounding of the clearing house: a line's exact amount (units x price x exchange rate, or a percentage of an
 * amount) is rounded once, {@link RoundingMode#HALF_UP}, to the currency's minor unit (2 decimals for EUR and GBP, 0 for
 * JPY); every total is a sum of rounded lines, so gross, net and control totals agree to the minor unit.
 */
public final class Amounts {

    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

    private Amounts() {
    }

    public static BigDecimal round(BigDecimal exact, Currency currency) {
        return exact.setScale(currency.getDefaultFractionDigits(), ROUNDING);
    }

    /** A rounded amount in minor units (cents). */
    public static long minor(BigDecimal rounded, Currency currency) {
        return rounded.movePointRight(currency.getDefaultFractionDigits()).longValueExact();
    }

    public static BigDecimal zero(Currency currency) {
        return BigDecimal.ZERO.setScale(currency.getDefaultFractionDigits());
    }

    /** {@code pct} percent of {@code amount}, rounded. */
    public static BigDecimal percent(BigDecimal amount, BigDecimal pct, Currency currency) {
        return round(amount.multiply(pct).movePointLeft(2), currency);
    }
}
