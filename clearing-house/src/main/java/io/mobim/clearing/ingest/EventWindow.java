package io.mobim.clearing.ingest;

import io.mobim.events.interop.InteropRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The event times the clearing house accepts, from Kafka and from uploads alike: not older than {@code maxAge}
 * (periods that old are long settled, and such a time is a producer's error) nor further ahead than {@code maxAhead}
 * (a producer's clock gone wrong).
 */
public record EventWindow(Duration maxAge, Duration maxAhead, Clock clock) {

    /** Why the record's event time is refused, or null if it is accepted. */
    public String refusal(InteropRecord record) {
        Instant now = clock.instant();
        if (record.eventTime().isBefore(now.minus(maxAge))) {
            return "event time " + record.eventTime() + " is more than " + maxAge.toDays() + " days before " + now
                    + " (mobim.clearing.ingest.max-event-age)";
        }
        if (record.eventTime().isAfter(now.plus(maxAhead))) {
            return "event time " + record.eventTime() + " is more than " + maxAhead + " ahead of " + now
                    + " (mobim.clearing.ingest.max-event-ahead)";
        }
        return null;
    }
}
