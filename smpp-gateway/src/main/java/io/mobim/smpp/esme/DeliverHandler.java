package io.mobim.smpp.esme;

import org.jsmpp.bean.DeliverSm;
import org.jsmpp.extra.ProcessRequestException;

/**
 * What a link does with an incoming deliver_sm (an MO or a delivery receipt). Returning normally answers
 * ESME_ROK; throwing {@link ProcessRequestException} answers its error code (0x64 ESME_RX_T_APPN makes the
 * SMS-C retry later).
 */
@FunctionalInterface
public interface DeliverHandler {

    void onDeliverSm(SmscLink link, DeliverSm deliverSm) throws ProcessRequestException;
}
