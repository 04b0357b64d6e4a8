package io.mobim.smpp.esme;

import org.jsmpp.bean.DeliverSm;

/**
 * What a link does with an incoming deliver_sm (an MO or a delivery receipt). It answers through {@code reply},
 * now or later from another thread (ESME_ROK once the MO is durable; 0x64 ESME_RX_T_APPN makes the SMS-C retry
 * later), so no jSMPP thread waits for Kafka. A handler that throws has the deliver_sm answered 0x64.
 */
@FunctionalInterface
public interface DeliverHandler {

    void onDeliverSm(SmscLink link, DeliverSm deliverSm, DeliverReply reply);
}
