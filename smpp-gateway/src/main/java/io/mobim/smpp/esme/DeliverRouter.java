package io.mobim.smpp.esme;

import io.mobim.smpp.dlr.ReceiptHandler;
import io.mobim.smpp.mo.MoHandler;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.MessageType;

/** Sends delivery receipts (esm_class message type 0x04) to the receipt handler and everything else to the MO handler. */
public final class DeliverRouter implements DeliverHandler {

    private final MoHandler mo;
    private final ReceiptHandler receipts;

    public DeliverRouter(MoHandler mo, ReceiptHandler receipts) {
        this.mo = mo;
        this.receipts = receipts;
    }

    @Override
    public void onDeliverSm(SmscLink link, DeliverSm deliverSm, DeliverReply reply) {
        if (MessageType.SMSC_DEL_RECEIPT.containedIn(deliverSm.getEsmClass())) {
            receipts.handle(link, deliverSm, reply);
        } else {
            mo.handle(link, deliverSm, reply);
        }
    }
}
