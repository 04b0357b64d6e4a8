package io.mobim.platform.subscribers;

/** Where a subscriber stands with the operator. Only ACTIVE subscribers send, receive and show presence. */
public enum SubscriberStatus {
    ACTIVE,
    /** Temporarily off (unpaid bill, operator decision): kept, but no traffic. */
    SUSPENDED,
    /** Barred from the service (abuse, fraud): kept for the records, no traffic. */
    BARRED
}
