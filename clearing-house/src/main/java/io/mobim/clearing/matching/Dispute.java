package io.mobim.clearing.matching;

import java.time.Instant;

/**
 * A message the two sides' records do not agree on, as the operators see it.
 *
 * @param id                   the dispute's id (the message's)
 * @param reason               why: ORIGINATING_ONLY, TERMINATING_ONLY, DUPLICATE, TIME_MISMATCH, UNITS_MISMATCH,
 *                             OPERATOR_MISMATCH, NO_AGREEMENT
 * @param originatingRecords   records the originating operator sent for it (0, 1, or more for a duplicate)
 * @param terminatingRecords   records the terminating operator sent
 * @param resolvedUnits        the units settled when RESOLVED
 */
public record Dispute(long id, String agreementId, String originatingOperator, String terminatingOperator, String messageId,
        String channel, String reason, DisputeStatus status, int originatingRecords, int terminatingRecords,
        Instant originatingTime, Instant terminatingTime, Integer originatingUnits, Integer terminatingUnits, Instant eventTime,
        Instant disputedAt, Instant closedAt, Integer resolvedUnits, String note) {
}
