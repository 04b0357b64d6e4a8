package io.mobim.smpp.esme;

import java.util.concurrent.atomic.AtomicBoolean;
import org.jsmpp.SMPPConstant;

/**
 * The answer still owed to one deliver_sm: the handler calls one of its methods once, from any thread, when it
 * knows the outcome (for an MO: once Kafka has it). A later call is ignored. If the session is gone by then,
 * nothing is sent and the SMS-C delivers the PDU again.
 */
public final class DeliverReply {

    private final AsyncSmppSession session;
    private final int sequenceNumber;
    private final AtomicBoolean answered = new AtomicBoolean();

    DeliverReply(AsyncSmppSession session, int sequenceNumber) {
        this.session = session;
        this.sequenceNumber = sequenceNumber;
    }

    /** ESME_ROK: the gateway has it. */
    public void accept() {
        answer(SMPPConstant.STAT_ESME_ROK);
    }

    /** ESME_RX_T_APPN (0x64): not now, the SMS-C delivers it again later. */
    public void retryLater() {
        answer(SMPPConstant.STAT_ESME_RX_T_APPN);
    }

    /** ESME_RX_P_APPN (0x65): refused for good. */
    public void refuse() {
        answer(SMPPConstant.STAT_ESME_RX_P_APPN);
    }

    /** Any command_status; true if this was the first answer and it reached the session. */
    public boolean answer(int commandStatus) {
        return answered.compareAndSet(false, true) && session.respond(sequenceNumber, commandStatus);
    }
}
