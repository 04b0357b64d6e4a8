package io.mobim.smpp.kafka;

import io.mobim.events.MalformedEvent;
import io.mobim.events.sms.SmsMt;
import io.mobim.smpp.SmppGateway;
import io.mobim.smpp.mt.MtLedger;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * Takes a whole poll of {@code sms.mt.v1} into the gateway with one ledger write ({@link
 * io.mobim.smpp.mt.MtSender#take}), each MT with the partition it came from (the gateway owning that partition sends
 * it): one multi-row insert per poll instead of one per MT. The offsets are committed only after the listener
 * returns, i.e. once the MTs are durable; a replayed MT is a duplicate request id and is not sent again.
 *
 * <p>If that write fails, the MTs are taken again one by one, in order, until the one that fails, which is
 * named to the container by its index ({@link BatchListenerFailedException}): the MTs before it are committed,
 * it is retried (the database may be away) or, if the database refuses its data, dead-lettered at once, and the
 * MTs after it are delivered again. A record that does not read as an {@link SmsMt} (null value) is named the
 * same way, after the MTs before it are taken, and dead-lettered.
 */
public final class MtBatchListener implements BatchMessageListener<String, SmsMt> {

    private static final Logger log = LoggerFactory.getLogger(MtBatchListener.class);
    private static final LogAccessor LOG = new LogAccessor(MtBatchListener.class);

    private final SmppGateway gateway;

    public MtBatchListener(SmppGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, SmsMt>> records) {
        List<MtLedger.Offer> readable = new ArrayList<>(records.size());
        while (readable.size() < records.size() && records.get(readable.size()).value() != null) {
            ConsumerRecord<String, SmsMt> record = records.get(readable.size());
            readable.add(new MtLedger.Offer(record.value(), record.partition()));
        }
        if (!readable.isEmpty()) {
            try {
                gateway.mtSender().take(readable);
            } catch (RuntimeException batchFailure) {
                log.debug("Taking a poll of {} MTs at once failed; taking them one by one", readable.size(), batchFailure);
                oneByOne(records, readable);
            }
        }
        int unreadable = readable.size();
        if (unreadable < records.size()) {
            ConsumerRecord<String, SmsMt> record = records.get(unreadable);
            DeserializationException cause = SerializationUtils.getExceptionFromHeader(record,
                    SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG);
            String reason = cause == null ? "a record without a value" : MalformedEvent.reasonOf(cause);
            throw new BatchListenerFailedException("unreadable record at " + position(record),
                    new MalformedEvent(reason, cause), unreadable);
        }
    }

    private void oneByOne(List<ConsumerRecord<String, SmsMt>> records, List<MtLedger.Offer> readable) {
        for (int i = 0; i < readable.size(); i++) {
            try {
                gateway.mtSender().take(List.of(readable.get(i)));
            } catch (RuntimeException e) {
                RuntimeException cause = MalformedEvent.isDataRefusal(e)
                        ? new MalformedEvent("the database refuses the MT's data: " + MalformedEvent.reasonOf(e), e) : e;
                throw new BatchListenerFailedException("MT " + i + " of the poll failed, at " + position(records.get(i)), cause, i);
            }
        }
    }

    private static String position(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
