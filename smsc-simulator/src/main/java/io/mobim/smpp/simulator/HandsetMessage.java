package io.mobim.smpp.simulator;

import java.time.Instant;
import java.util.List;

/**
 * An MT as the simulated handset shows it: the parts of a concatenated message put back together.
 *
 * @param from the sender address as submitted (short code, number or alphanumeric)
 * @param to the handset, E.164
 * @param text the decoded text
 * @param parts how many submit_sm carried it
 * @param messageIds the simulator's message ids of the parts, in part order
 * @param dataCoding data_coding of the parts (0x00 GSM, 0x08 UCS-2)
 * @param receivedAt when the last part was accepted
 */
public record HandsetMessage(String from, String to, String text, int parts, List<String> messageIds, byte dataCoding,
                             Instant receivedAt) {

    @Override
    public String toString() {
        return "HandsetMessage[from=" + from + ", to=" + io.mobim.smpp.Msisdns.mask(to) + ", chars=" + text.length()
                + ", parts=" + parts + ", ids=" + messageIds + "]";
    }
}
