package io.mobim.events;

/**
 * A record on a topic that cannot be read as the event its topic promises: not JSON, a missing required
 * field, an unknown schema version. Consumers send such records to the topic's dead-letter topic with
 * {@link #getMessage()} as the reason; they never drop them and never retry them.
 */
public class MalformedEvent extends RuntimeException {

    public MalformedEvent(String reason) {
        super(reason);
    }

    public MalformedEvent(String reason, Throwable cause) {
        super(reason, cause);
    }
}
