package io.mobim.billing.rating;

/** Why an event could not be rated. Every one is fixable by the billing team, then the event is recycled. */
public enum RejectReason {
    /** Billing has no account for the subscriber and the event carries no plan: set the account. */
    UNKNOWN_SUBSCRIBER,
    /** The plan id (from the account or the event) is not in the tariff catalogue: add the plan or fix the account. */
    UNKNOWN_PLAN,
    /** The plan exists but none of its versions was active at the event time: add a version that covers it. */
    NO_PLAN_VERSION
}
