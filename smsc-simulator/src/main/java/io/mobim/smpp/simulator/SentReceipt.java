package io.mobim.smpp.simulator;

import java.time.Instant;

/**
 * A delivery receipt the simulator sent for an MT part and the ESME acknowledged: what the network told the
 * platform about that part.
 *
 * @param messageId the simulator's message id of the part (one of {@link HandsetMessage#messageIds()})
 * @param handset the MT's recipient, E.164
 * @param state the receipt's final state (DELIVRD, UNDELIV, EXPIRED, ...)
 * @param at when the ESME acknowledged it
 */
public record SentReceipt(String messageId, String handset, String state, Instant at) {
}
