package io.mobim.platform.sms;

import io.mobim.events.JsonEventSerde;
import io.mobim.events.MalformedEvent;
import io.mobim.events.Topics;
import io.mobim.events.sms.SmsMt;
import io.mobim.platform.outbox.LocalConsumer;
import io.mobim.smpp.SmppGateway;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.function.SingletonSupplier;

/**
 * Hands the outbox's MTs straight to the SMPP gateway of this process, when it is the only gateway on the MT ledger
 * ({@code mobim.smpp.mt.sole-gateway}, the all-in-one runtime): the MT is durable in the gateway's ledger before the
 * relay deletes it from the outbox, and goes out without a round trip through {@code sms.mt.v1}. Otherwise (no gateway
 * here, or gateways sharing the ledger by partition) every MT goes through Kafka as before, and so does an MT this
 * path can never take (unreadable, or refused by the ledger's database), for the gateway's listener to dead-letter
 * with its reason.
 */
final class LocalGatewayMts implements LocalConsumer {

    /** Looked up once it exists, not on every relay round. */
    private final SingletonSupplier<SmppGateway> gateway;
    private final JsonEventSerde<SmsMt> mts = new JsonEventSerde<>(SmsMt.class);

    LocalGatewayMts(ObjectProvider<SmppGateway> gateway) {
        this.gateway = SingletonSupplier.of(gateway::getIfAvailable);
    }

    @Override
    public String topic() {
        return Topics.SMS_MT;
    }

    @Override
    public List<Integer> take(List<byte[]> payloads) {
        SmppGateway local = gateway.get();
        if (local == null || !local.mtSender().ownsEveryMt()) {
            return IntStream.range(0, payloads.size()).boxed().toList();
        }
        List<SmsMt> readable = new ArrayList<>(payloads.size());
        List<Integer> readableAt = new ArrayList<>(payloads.size());
        List<Integer> left = new ArrayList<>();
        for (int i = 0; i < payloads.size(); i++) {
            try {
                readable.add(mts.deserialize(Topics.SMS_MT, payloads.get(i)));
                readableAt.add(i);
            } catch (MalformedEvent unreadable) {
                left.add(i);
            }
        }
        try {
            local.acceptAll(readable);
        } catch (RuntimeException batchFailure) {
            // one by one, so that an MT whose data the ledger refuses does not hold back the others; any other failure
            // (the database is away) fails the relay's round, which hands the same MTs again (duplicates are ignored)
            for (int j = 0; j < readable.size(); j++) {
                try {
                    local.accept(readable.get(j));
                } catch (RuntimeException e) {
                    if (!MalformedEvent.isDataRefusal(e)) {
                        throw e;
                    }
                    left.add(readableAt.get(j));
                }
            }
            left.sort(null);
        }
        return left;
    }
}
