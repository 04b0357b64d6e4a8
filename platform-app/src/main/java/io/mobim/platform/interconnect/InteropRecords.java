package io.mobim.platform.interconnect;

import io.mobim.events.Topics;
import io.mobim.events.interop.InteropRecord;
import io.mobim.events.interop.InteropSide;
import io.mobim.platform.outbox.Outbox;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * This operator's side of a message that crossed operators, as an {@link InteropRecord} on
 * {@code interop.records.v1} through the outbox, in the transaction of the fact it reports. Its id derives from the
 * message and the side, so a fact recorded again keeps it and the clearing house dedupes it.
 */
final class InteropRecords {

    private final Outbox outbox;

    InteropRecords(Outbox outbox) {
        this.outbox = outbox;
    }

    void record(InteropSide side, PeerMessage m, Instant at) {
        UUID id = UUID.nameUUIDFromBytes((side + "/" + m.originatingOperator() + "/" + m.messageId()).getBytes(StandardCharsets.UTF_8));
        InteropRecord r = InteropRecord.of(id, side, m.originatingOperator(), m.terminatingOperator(), m.messageId(), m.sender(),
                m.recipient(), at, m.channel(), m.units());
        outbox.append(Topics.INTEROP_RECORDS, r.key(), r);
    }
}
