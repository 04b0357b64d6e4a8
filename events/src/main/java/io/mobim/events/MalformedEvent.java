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
