package io.mobim.clearing.settlement;

public enum StatementStatus {
    /** Computed for review; computed again on request. */
    DRAFT,
    /** Final: never changes. */
    CLOSED
}
