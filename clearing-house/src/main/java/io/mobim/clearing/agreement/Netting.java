package io.mobim.clearing.agreement;

/** Whether a statement nets the two parties' gross amounts into one payment. */
public enum Netting {
    /** One payment: the difference of the two gross amounts, by the party that owes more. */
    BILATERAL,
    /** Each party pays its gross amount; the statement has no net amount. */
    NONE
}
