package io.mobim.events;

import java.sql.SQLException;

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

    /**
     * What to tell in a dead letter's reason header about {@code failure}: the message of the {@code MalformedEvent}
     * among its causes (the serde's words on what does not read), else the innermost message (the database's or
     * the broker's own words rather than a wrapper's).
     */
    public static String reasonOf(Throwable failure) {
        if (failure == null) {
            return "unreadable record";
        }
        String reason = String.valueOf(failure.getMessage());
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null) {
                reason = t.getMessage();
            }
            if (t instanceof MalformedEvent) {
                break;
            }
        }
        return reason;
    }

    /**
     * Whether handling a record failed because the database refuses its data (SQL state class 22, data exception:
     * a value too long for its column, a timestamp out of range...). The same record fails the same way every time,
     * so a consumer dead-letters it at once instead of retrying it for ever in front of every record behind it.
     */
    public static boolean isDataRefusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }
}
