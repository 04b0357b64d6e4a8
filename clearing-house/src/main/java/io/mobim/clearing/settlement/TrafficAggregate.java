package io.mobim.clearing.settlement;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Messages of one agreement summed by what prices them: originating operator (the direction), channel, UTC day (the
 * agreement version), and whether they are in dispute. Settlement reads these from the database in one query; the
 * money is worked out on them, not per message.
 */
public record TrafficAggregate(String originatingOperator, String channel, LocalDate day, boolean disputed, long messages,
        long units, Instant earliest, Instant latest) {
}
