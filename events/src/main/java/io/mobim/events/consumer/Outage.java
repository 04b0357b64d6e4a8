package io.mobim.events.consumer;

/**
 * A handler's failure because something outside that it needs is away (a peer operator's platform down or answering
 * 5xx): {@link FailureKind#OUTAGE}, so the record is retried with backoff for as long as it takes, never dead-lettered.
 */
public class Outage extends RuntimeException {

    public Outage(String message, Throwable cause) {
        super(message, cause);
    }

    public Outage(String message) {
        super(message);
    }
}
