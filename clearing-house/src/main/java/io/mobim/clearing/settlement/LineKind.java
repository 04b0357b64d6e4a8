package io.mobim.clearing.settlement;

/** What a statement line is for. */
public enum LineKind {
    /** Messages of the statement's period, settled now. */
    TRAFFIC,
    /**
     * Messages of an earlier period settled now: they matched (or their dispute was resolved) after that period's
     * statement was closed, or before the first statement of the agreement.
     */
    LATE_ADJUSTMENT,
    /** The hub's transit fee on the traffic ({@code HUB_FEE} agreements): paid to the hub, outside the parties' netting. */
    HUB_FEE,
    /** The kiosk commission party A keeps off the retail value ({@code REVENUE_SHARE}): for information, not paid. */
    KIOSK_COMMISSION,
    /** The provider's variable share of the retail value after the kiosk commission ({@code REVENUE_SHARE}). */
    REVENUE_SHARE,
    /** The fixed licence fee of the period ({@code REVENUE_SHARE}). */
    LICENCE_FEE,
    /** Messages in dispute: what they would amount to, held out of the gross amounts and the netting. */
    DISPUTE_WITHHELD
}
