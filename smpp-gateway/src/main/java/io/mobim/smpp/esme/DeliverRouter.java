package io.mobim.smpp.esme;

import io.mobim.smpp.dlr.ReceiptHandler;
import io.mobim.smpp.mo.MoAdmission;
import io.mobim.smpp.mo.MoHandler;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.MessageType;

/**
 * Sends delivery receipts (esm_class message type 0x04) to the receipt handler and everything else to the MO handler
 * through MO admission (receipts are never held: they let the MTs behind the backlog finish).
 */
public final class DeliverRouter implements DeliverHandler {

    private final MoHandler mo;
    private final ReceiptHandler receipts;
    private final MoAdmission admission;

    public DeliverRouter(MoHandler mo, ReceiptHandler receipts, MoAdmission admission) {
        this.mo = mo;
        this.receipts = receipts;
        this.admission = admission;
    }

    @Override
    public void onDeliverSm(SmscLink link, DeliverSm deliverSm, DeliverReply reply) {
        if (MessageType.SMSC_DEL_RECEIPT.containedIn(deliverSm.getEsmClass())) {
            receipts.handle(link, deliverSm, reply);
        } else {
            admission.offer(reply, () -> mo.handle(link, deliverSm, reply));
        }
    }
}
