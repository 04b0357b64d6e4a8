package io.mobim.clearing.agreement;

/** How traffic between the two parties of an agreement is paid for (see docs/clearing.md). */
public enum ChargingModel {
    /** Bill and keep: no money changes hands; the statement counts messages only. */
    SENDER_KEEPS_ALL,
    /** The originating operator pays the terminating one a per-unit rate of the message's direction. */
    TERMINATION_FEE,
    /** As {@link #TERMINATION_FEE}, and the originating operator also pays the hub a per-unit transit fee. */
    HUB_FEE,
    /**
     * Party A (the operator) sells the service of party B (a content or IM provider) at the direction's retail rate;
     * it keeps a kiosk commission off the retail value, pays B a variable share of the rest and a fixed licence fee.
     */
    REVENUE_SHARE
}
