package io.mobim.smpp.simulator;

import java.time.Instant;

/**
 * One submit_sm the simulator accepted.
 *
 * @param messageId the id it answered with
 * @param systemId the ESME's system id
 * @param from source address
 * @param to destination, E.164
 * @param dataCoding data_coding
 * @param esmClass esm_class
 * @param registeredDelivery registered_delivery
 * @param shortMessage short_message octets as received (including any UDH)
 * @param seq part number (1 for a single SMS)
 * @param total number of parts (1 for a single SMS)
 * @param at when it was accepted
 */
public record SubmittedPart(String messageId, String systemId, String from, String to, byte dataCoding, byte esmClass,
                            byte registeredDelivery, byte[] shortMessage, int seq, int total, Instant at) {
}
