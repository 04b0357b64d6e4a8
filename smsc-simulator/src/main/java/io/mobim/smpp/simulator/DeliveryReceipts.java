package io.mobim.smpp.simulator;

import io.mobim.smpp.Msisdns;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.util.DeliveryReceiptState;

/**
 * The delivery receipts of the MTs that asked for one: sent {@link SmscSimulator.Options#receiptDelay()} after the
 * submit_sm was answered, DELIVRD unless a test made the handset unreachable, none while a test has them lost, and
 * recorded in the {@link HandsetInbox} once the ESME acknowledged them.
 */
final class DeliveryReceipts {

    private final SmscSimulator.Options options;
    private final DeliverSmSender sender;
    private final HandsetInbox inbox;
    private final BooleanSupplier closed;
    private final Map<String, SubmittedPart> awaitingReceipt = new ConcurrentHashMap<>();
    private final Map<String, DeliveryReceiptState> unreachable = new ConcurrentHashMap<>();
    private final Set<String> receiptsLost = ConcurrentHashMap.newKeySet();

    DeliveryReceipts(SmscSimulator.Options options, DeliverSmSender sender, HandsetInbox inbox, BooleanSupplier closed) {
        this.options = options;
        this.sender = sender;
        this.inbox = inbox;
        this.closed = closed;
    }

    /** Receipts for {@code msisdn} (E.164) say {@code state} instead of DELIVRD; null clears. */
    void unreachable(String msisdn, DeliveryReceiptState state) {
        if (state == null) {
            unreachable.remove(msisdn);
        } else {
            unreachable.put(msisdn, state);
        }
    }

    /** While true, no receipt is sent for MTs to {@code msisdn} (E.164). */
    void loseReceipts(String msisdn, boolean lose) {
        if (lose) {
            receiptsLost.add(msisdn);
        } else {
            receiptsLost.remove(msisdn);
        }
    }

    /** {@code part} was accepted; its receipt goes once its answer did ({@link #answered}), if it asked for one. */
    void accepted(SubmittedPart part) {
        if ((part.registeredDelivery() & 0x03) != 0) {
            awaitingReceipt.put(part.messageId(), part);
        }
    }

    /** The submit_sm answered with {@code messageId} was answered: its receipt is scheduled, if one is due. */
    void answered(String messageId) {
        SubmittedPart part = awaitingReceipt.remove(messageId);
        if (part == null) {
            return; // no receipt asked for
        }
        if (receiptsLost.contains(part.to())) {
            return;
        }
        DeliveryReceiptState state = unreachable.getOrDefault(part.to(), DeliveryReceiptState.DELIVRD);
        if ((part.registeredDelivery() & 0x03) == 0x02 && state == DeliveryReceiptState.DELIVRD) {
            return; // receipt on failure only
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        Instant giveUp = Instant.now().plus(options.deliveryRetryFor());
        try {
            sender.schedule(() -> deliverReceipt(part, state, giveUp, done, 0), options.receiptDelay().toMillis());
        } catch (RejectedExecutionException closedAlready) {
            // closing
        }
    }

    private void deliverReceipt(SubmittedPart part, DeliveryReceiptState state, Instant giveUp, CompletableFuture<Void> done,
                                int attempt) {
        if (closed.getAsBoolean()) {
            return;
        }
        try {
            Date submitted = Date.from(part.at());
            DeliveryReceipt receipt = new DeliveryReceipt(part.messageId(), 1, state == DeliveryReceiptState.DELIVRD ? 1 : 0,
                    submitted, new Date(), state, state == DeliveryReceiptState.DELIVRD ? "000" : "001", "");
            byte messageState = switch (state) {
                case DELIVRD -> 2;
                case EXPIRED -> 3;
                case DELETED -> 4;
                case UNDELIV -> 5;
                case ACCEPTD -> 6;
                case REJECTD -> 8;
                default -> 7;
            };
            sender.deliver(Msisdns.toSmpp(part.to()), TypeOfNumber.INTERNATIONAL, part.from(), TypeOfNumber.UNKNOWN,
                    new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT), (byte) 0,
                    receipt.toString().getBytes(StandardCharsets.US_ASCII),
                    new OptionalParameter.COctetString(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID.code(), part.messageId()),
                    new OptionalParameter.Byte(OptionalParameter.Tag.MESSAGE_STATE, messageState));
            inbox.receiptSent(new SentReceipt(part.messageId(), part.to(), state.name(), Instant.now()));
            done.complete(null);
        } catch (Exception e) {
            if (e instanceof NegativeResponseException || e instanceof IOException || !closed.getAsBoolean()) {
                sender.retryLater(e, giveUp, done, attempt, "receipt", () -> deliverReceipt(part, state, giveUp, done, attempt + 1));
            }
        }
    }

    /** Forgets the MTs waiting for their receipt. */
    void clear() {
        awaitingReceipt.clear();
    }
}
