package io.mobim.clearing.it;

import io.mobim.clearing.ingest.RecordsCsv;
import io.mobim.events.csv.CsvRow;
import io.mobim.events.interop.InteropChannel;
import io.mobim.events.interop.InteropRecord;
import io.mobim.events.interop.InteropSide;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Messages between two operators as each side reports them, for the tests. */
final class Exchange {

    private Exchange() {
    }

    /** One side's record of message {@code messageId} from {@code from} to {@code to}; the terminating side 20 s later. */
    static InteropRecord record(InteropSide side, String from, String to, String messageId, Instant sent, InteropChannel channel,
            int units) {
        Instant at = side == InteropSide.ORIGINATING ? sent : sent.plusSeconds(20);
        return InteropRecord.of(UUID.randomUUID(), side, from, to, messageId, "+447700900" + (100 + Math.abs(messageId.hashCode() % 800)),
                "+33612345" + (100 + Math.abs(messageId.hashCode() % 800)), at, channel, units);
    }

    /** The records as an operator's upload. */
    static String csv(List<InteropRecord> records) {
        StringBuilder out = new StringBuilder(RecordsCsv.HEADER).append("\r\n");
        for (InteropRecord r : records) {
            CsvRow.append(out, r.recordId(), r.side(), r.originatingOperator(), r.terminatingOperator(), r.messageId(), r.sender(),
                    r.recipient(), r.eventTime(), r.channel(), r.units());
        }
        return out.toString();
    }
}
