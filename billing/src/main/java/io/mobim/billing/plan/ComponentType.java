package io.mobim.billing.plan;

/** The kinds of tariff components a plan version is made of. */
public enum ComponentType {
    /** A price per matching message (direction and channel). */
    PER_EVENT,
    /** The subscriber's SMS price per SMS segment, charged through (kept apart as the pass-through amount). SMS only. */
    SMS_PASS_THROUGH,
    /** N matching messages per month included; each one beyond is charged the overage price. */
    ALLOWANCE,
    /** A fee charged on the first daily-access event of a business day, never twice for one day. */
    DAILY_FEE,
    /** A price per started block of session data (e.g. per 10 KB = 10,240 bytes, rounded up per session). */
    VOLUME
}
