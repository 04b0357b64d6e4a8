package io.mobim.clearing.agreement;

/** Which exchange rate converts a rate's currency into the settlement currency. */
public enum FxRule {
    /** The rates written in the agreement version ({@code exchangeRates}), for every period it governs. */
    AGREED,
    /**
     * The reference rates the clearing house published ({@link ExchangeRates}, e.g. from GSER or the ECB) for the last
     * day of the period being settled, or the latest day before it: one rate per currency for the whole statement.
     */
    PERIOD_END
}
