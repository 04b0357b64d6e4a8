package io.mobim.smpp.esme;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jsmpp.DefaultPDUReader;
import org.jsmpp.DefaultPDUSender;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.SynchronizedPDUSender;
import org.jsmpp.bean.Command;
import org.jsmpp.bean.DataCoding;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SubmitSmResp;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.PendingResponse;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.connection.socket.SocketConnectionFactory;

/**
 * A jSMPP session that answers deliver_sm and sends submit_sm without holding a thread per PDU.
 *
 * <p><b>deliver_sm_resp later.</b> jSMPP sends the deliver_sm_resp itself as soon as the receiver listener
 * returns ({@code SMPPSessionBound.processDeliverSm0}), through the session's {@code PDUSender}. This session's
 * sender drops that resp for the sequence numbers {@link #deferResponse deferred} by the listener, and
 * {@link #respond} writes it when the gateway knows the answer (Kafka has the MO, say).
 *
 * <p><b>submit_sm without waiting.</b> {@link #submitAsync} takes a sequence number from the session, registers
 * a {@link PendingResponse} of its own and writes the PDU. jSMPP hands a submit_sm_resp (or generic_nack) to the
 * pending response it finds through {@link #removePendingResponse}, which this session overrides to find its own
 * first; the future completes on jSMPP's PDU thread. No response within the transaction timer fails it with a
 * {@link org.jsmpp.extra.ResponseTimeoutException}; a closed session fails every pending one with an
 * {@link IOException}.
 */
public final class AsyncSmppSession extends SMPPSession {

    private final DeferringSender sender;
    private final Map<Integer, AsyncResponse> pending = new ConcurrentHashMap<>();

    private AsyncSmppSession(DeferringSender sender) {
        super(sender, new DefaultPDUReader(), SocketConnectionFactory.getInstance());
        this.sender = sender;
        addSessionStateListener((newState, oldState, source) -> {
            if (newState == SessionState.CLOSED) {
                failAll(new IOException("session closed"));
            }
        });
    }

    static AsyncSmppSession create() {
        return new AsyncSmppSession(new DeferringSender());
    }

    /** Called by the listener before it returns: jSMPP's own resp for {@code sequenceNumber} is dropped. */
    void deferResponse(int sequenceNumber) {
        sender.deferred.add(sequenceNumber);
    }

    /** Writes the deliver_sm_resp of a deferred deliver_sm; false if the session is gone (the SMS-C redelivers). */
    boolean respond(int sequenceNumber, int commandStatus) {
        if (!getSessionState().isBound()) {
            return false;
        }
        try {
            sender.respond(connection().getOutputStream(), commandStatus, sequenceNumber);
            return true;
        } catch (IOException | RuntimeException e) {
            close();
            return false;
        }
    }

    /** submit_sm awaiting their response. */
    int pendingSubmits() {
        return pending.size();
    }

    /** Sends a submit_sm; the future completes with the SMS-C's response (any command_status) or fails. */
    public CompletableFuture<SubmitSmResp> submitAsync(String serviceType, TypeOfNumber sourceTon, NumberingPlanIndicator sourceNpi,
            String source, TypeOfNumber destTon, NumberingPlanIndicator destNpi, String destination, ESMClass esmClass,
            byte protocolId, byte priority, String validityPeriod, RegisteredDelivery registeredDelivery,
            DataCoding dataCoding, byte[] shortMessage, OptionalParameter... tlvs) {
        AsyncResponse response = new AsyncResponse(getTransactionTimer());
        if (!getSessionState().isTransmittable()) {
            response.future.completeExceptionally(new IOException("session is not bound for transmitting"));
            return response.future;
        }
        int seq = sequence().nextValue();
        pending.put(seq, response);
        response.future.whenComplete((r, e) -> pending.remove(seq, response));
        try {
            pduSender().sendSubmitSm(connection().getOutputStream(), seq, serviceType, sourceTon, sourceNpi, source, destTon,
                    destNpi, destination, esmClass, protocolId, priority, null, validityPeriod, registeredDelivery, (byte) 0,
                    dataCoding, (byte) 0, shortMessage, tlvs);
        } catch (PDUException e) {
            response.future.completeExceptionally(e);
        } catch (IOException e) {
            response.future.completeExceptionally(e);
            close();
        }
        return response.future;
    }

    @Override
    protected PendingResponse<Command> removePendingResponse(int sequenceNumber) {
        AsyncResponse mine = pending.remove(sequenceNumber);
        return mine != null ? mine : super.removePendingResponse(sequenceNumber);
    }

    private void failAll(Exception cause) {
        for (AsyncResponse r : pending.values()) {
            r.future.completeExceptionally(cause);
        }
    }

    /** A pending response that completes a future instead of waking a waiting thread. */
    private static final class AsyncResponse extends PendingResponse<Command> {

        final CompletableFuture<SubmitSmResp> future = new CompletableFuture<>();

        AsyncResponse(long timeoutMillis) {
            super(timeoutMillis);
            future.orTimeout(timeoutMillis, TimeUnit.MILLISECONDS);
        }

        @Override
        public void done(Command response) {
            if (response instanceof SubmitSmResp resp) {
                future.complete(resp);
            } else {
                future.completeExceptionally(new InvalidResponseException("unexpected response " + response));
            }
        }

        @Override
        public void doneWithInvalidResponse(InvalidResponseException e) {
            future.completeExceptionally(e);
        }
    }

    /** jSMPP's synchronized sender, except for the deliver_sm_resp of deferred deliver_sm. */
    private static final class DeferringSender extends SynchronizedPDUSender {

        final Set<Integer> deferred = ConcurrentHashMap.newKeySet();

        DeferringSender() {
            super(new DefaultPDUSender());
        }

        @Override
        public byte[] sendDeliverSmResp(java.io.OutputStream os, int commandStatus, int sequenceNumber, String messageId)
                throws IOException {
            if (deferred.remove(sequenceNumber)) {
                return new byte[0]; // answered by respond()
            }
            return super.sendDeliverSmResp(os, commandStatus, sequenceNumber, messageId);
        }

        void respond(java.io.OutputStream os, int commandStatus, int sequenceNumber) throws IOException {
            super.sendDeliverSmResp(os, commandStatus, sequenceNumber, null);
        }
    }
}
