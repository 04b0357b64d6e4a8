package io.mobim.events.charging;

/** What a {@link ChargingEvent} charges for. */
public enum ChargingKind {
    /** One IM message sent or received by the charged party (see {@link ChargedRole}). */
    MESSAGE,
    /** Data volume of a client (GPRS) session or session interval, in {@link ChargingEvent#bytes()}. */
    SESSION_DATA,
    /**
     * The daily access fee of a day of use. The IM core emits it once per subscriber and day of use; billing
     * charges at most one per subscriber and business day even if more arrive.
     */
    DAILY_ACCESS
}
