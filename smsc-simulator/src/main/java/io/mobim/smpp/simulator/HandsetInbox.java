package io.mobim.smpp.simulator;

import io.mobim.smpp.codec.Reassembler;
import io.mobim.smpp.codec.SmsTextDecoder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * What the simulated handsets received: each submit_sm accepted, the messages its parts make once all are in, and the
 * delivery receipts sent for them; the newest {@value HandsetHistory#PER_HANDSET} of each per handset.
 */
final class HandsetInbox {

    private final HandsetHistory<SubmittedPart> partsByHandset = new HandsetHistory<>();
    private final HandsetHistory<HandsetMessage> messagesByHandset = new HandsetHistory<>();
    private final HandsetHistory<SentReceipt> receiptsByHandset = new HandsetHistory<>();
    private final List<Consumer<HandsetMessage>> handsetListeners = new CopyOnWriteArrayList<>();
    private final Map<String, List<SubmittedPart>> pendingMessageParts = new ConcurrentHashMap<>();
    private final Reassembler reassembler = new Reassembler(Duration.ofHours(1));

    void onHandsetMessage(Consumer<HandsetMessage> listener) {
        handsetListeners.add(listener);
    }

    List<HandsetMessage> messagesTo(String msisdn) {
        return messagesByHandset.of(msisdn);
    }

    List<SentReceipt> receiptsFor(String msisdn) {
        return receiptsByHandset.of(msisdn);
    }

    List<SubmittedPart> submitsTo(String msisdn) {
        return partsByHandset.of(msisdn);
    }

    List<String> handsets() {
        return List.copyOf(partsByHandset.handsets());
    }

    /** Records a submit_sm accepted for its handset. */
    void submitted(SubmittedPart part) {
        partsByHandset.add(part.to(), part);
    }

    /**
     * Offers {@code part} (its user data without the concatenation header: {@code payload}) to the reassembler; the
     * part that completes a message puts it in the handset's messages and tells the listeners.
     */
    void reassemble(SubmittedPart part, int reference, byte[] payload) {
        String to = part.to();
        String partsKey = to + "|" + part.from() + "|" + reference + "|" + part.total();
        if (part.total() > 1) {
            // recorded before the reassembler sees it: whichever part completes the message finds every part here
            pendingMessageParts.computeIfAbsent(partsKey, k -> new CopyOnWriteArrayList<>()).add(part);
        }
        Optional<Reassembler.Assembled> whole = reassembler.offer(new Reassembler.Part("sim", part.from(), to,
                reference, part.total(), part.seq(), part.dataCoding(), payload, part.messageId()), part.at());
        whole.ifPresent(a -> {
            List<String> ids;
            if (a.parts() > 1) {
                List<SubmittedPart> ps = new ArrayList<>(pendingMessageParts.remove(partsKey));
                ps.sort(Comparator.comparingInt(SubmittedPart::seq));
                // a part submitted twice (its answer was lost) is listed once, with its first id
                ids = ps.stream().collect(Collectors.toMap(SubmittedPart::seq, SubmittedPart::messageId,
                        (first, again) -> first, TreeMap::new)).values().stream().toList();
            } else {
                ids = List.of(part.messageId());
            }
            String text = SmsTextDecoder.decode(a.dataCoding(), a.octets(), SmsTextDecoder.DefaultAlphabet.GSM7);
            HandsetMessage arrived = new HandsetMessage(part.from(), to, text, a.parts(), ids, a.dataCoding(), part.at());
            messagesByHandset.add(to, arrived);
            handsetListeners.forEach(l -> l.accept(arrived));
        });
    }

    /** Records a delivery receipt the ESME acknowledged. */
    void receiptSent(SentReceipt receipt) {
        receiptsByHandset.add(receipt.handset(), receipt);
    }

    /** Forgets every stored MT and receipt. */
    void clear() {
        partsByHandset.clear();
        messagesByHandset.clear();
        receiptsByHandset.clear();
        pendingMessageParts.clear();
    }
}
