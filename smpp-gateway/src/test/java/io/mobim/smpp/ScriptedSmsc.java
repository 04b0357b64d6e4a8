package io.mobim.smpp;

import io.mobim.smpp.codec.Gsm7;
import io.mobim.smpp.codec.SmsTextDecoder;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Function;
import io.mobim.smpp.simulator.AddressBoundListener;
import io.mobim.smpp.simulator.SubmitOnlyReceiver;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;

/**
 * A tiny SMS-C over jSMPP for tests that need to script what the simulator does not offer: the message id a
 * submit gets, something done before its submit_sm_resp goes out (a receipt that overtakes it), and the
 * command_status the gateway answered a deliver_sm with. One transceiver bind on 127.0.0.1.
 */
public final class ScriptedSmsc implements AutoCloseable {

    /** A submit_sm as the handset would see it. */
    public record Submitted(String to, String text, String messageId) {
    }

    private final AddressBoundListener loopback;
    private final SMPPServerSessionListener listener;
    private final Thread acceptor;
    private final List<Submitted> submits = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong(0x5000);
    private volatile SMPPServerSession session;
    private volatile Function<SubmitSm, String> messageIds = s -> Long.toHexString(ids.incrementAndGet());
    private volatile BiConsumer<Submitted, ScriptedSmsc> beforeResponse = (s, smsc) -> { };
    private volatile boolean closed;

    public ScriptedSmsc() throws IOException {
        loopback = new AddressBoundListener(InetAddress.getLoopbackAddress());
        listener = new SMPPServerSessionListener(0, loopback);
        listener.setPduProcessorDegree(4);
        listener.setMessageReceiverListener(new Submits());
        acceptor = new Thread(this::accept, "scripted-smsc");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return loopback.socket().getLocalPort();
    }

    /** What message id each submit gets (default: a new hex id each). */
    public void messageIds(Function<SubmitSm, String> ids) {
        this.messageIds = ids;
    }

    /** Runs on the SMS-C's PDU thread after a submit is stored and before its submit_sm_resp is written. */
    public void beforeResponse(BiConsumer<Submitted, ScriptedSmsc> hook) {
        this.beforeResponse = hook;
    }

    public List<Submitted> submits() {
        return submits;
    }

    public boolean bound() {
        SMPPServerSession s = session;
        return s != null && s.getSessionState().isBound();
    }

    /** Delivers an MO (GSM 7-bit) and returns the command_status of the gateway's deliver_sm_resp. */
    public int deliverMo(String from, String shortCode, String text) throws Exception {
        return deliver(Msisdns.toSmpp(from), shortCode, new ESMClass(), Gsm7.encode(text));
    }

    /** Delivers a receipt from {@code handset} for {@code messageId}; returns the command_status of the answer. */
    public int deliverReceipt(String handset, String messageId, DeliveryReceiptState state) throws Exception {
        DeliveryReceipt receipt = new DeliveryReceipt(messageId, 1, state == DeliveryReceiptState.DELIVRD ? 1 : 0,
                new Date(), new Date(), state, state == DeliveryReceiptState.DELIVRD ? "000" : "001", "");
        byte messageState = state == DeliveryReceiptState.DELIVRD ? (byte) 2 : (byte) 5;
        return deliver(Msisdns.toSmpp(handset), "20123",
                new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
                receipt.toString().getBytes(StandardCharsets.US_ASCII),
                new OptionalParameter.COctetString(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID.code(), messageId),
                new OptionalParameter.Byte(OptionalParameter.Tag.MESSAGE_STATE, messageState));
    }

    private int deliver(String source, String destination, ESMClass esm, byte[] sm, OptionalParameter... tlvs) throws Exception {
        SMPPServerSession s = session;
        if (s == null) {
            throw new IOException("no ESME bound");
        }
        try {
            s.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, source, TypeOfNumber.UNKNOWN,
                    NumberingPlanIndicator.UNKNOWN, destination, esm, (byte) 0, (byte) 0, new RegisteredDelivery(0),
                    DataCodings.newInstance((byte) 0), sm, tlvs);
            return SMPPConstant.STAT_ESME_ROK;
        } catch (NegativeResponseException e) {
            return e.getCommandStatus();
        }
    }

    private void accept() {
        while (!closed) {
            try {
                SMPPServerSession s = listener.accept();
                s.setTransactionTimer(30_000);
                BindRequest bind = s.waitForBind(5_000);
                bind.accept("SCRIPTED");
                session = s;
            } catch (Exception e) {
                if (!closed) {
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException stop) {
                        return;
                    }
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        SMPPServerSession s = session;
        if (s != null) {
            s.unbindAndClose();
        }
        listener.close();
        acceptor.interrupt();
    }

    private final class Submits extends SubmitOnlyReceiver {

        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submit, SMPPServerSession source) throws ProcessRequestException {
            String id = messageIds.apply(submit);
            String text = SmsTextDecoder.decode(submit.getDataCoding(), submit.getShortMessage(),
                    SmsTextDecoder.DefaultAlphabet.GSM7);
            Submitted s = new Submitted(Msisdns.toE164(submit.getDestAddress(), submit.getDestAddrTon()), text, id);
            submits.add(s);
            beforeResponse.accept(s, ScriptedSmsc.this);
            try {
                return new SubmitSmResult(new MessageId(id), new OptionalParameter[0]);
            } catch (Exception e) {
                throw new ProcessRequestException("message id", SMPPConstant.STAT_ESME_RSYSERR, e);
            }
        }
    }
}
