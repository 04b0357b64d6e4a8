package io.mobim.clearing.agreement;

/** Which exchange rate converts a rate's currency into the settlement currency. */
public enum FxRule {
    /** The rates written in the agreement version ({@code exchangeRates}), for every period it governs. */
    AGREED
}
