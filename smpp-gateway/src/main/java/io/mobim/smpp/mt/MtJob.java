package io.mobim.smpp.mt;

import io.mobim.events.sms.SmsMt;
import io.mobim.smpp.codec.Segment;
import java.util.ArrayList;
import java.util.List;

/**
 * One MT on its way: its parts (split on its first turn), the next one to submit, the ids the SMS-C gave so far,
 * the link its parts went to, how many attempts in a row failed, and the {@code sms.mt.v1} partition it belongs to. Touched by one thread at a time: the
 * dispatcher, then the thread of the submit's response, then the retry scheduler.
 */
final class MtJob {

    final SmsMt mt;
    /** The partition of {@code sms.mt.v1} it came from ({@link MtLedger#NO_PARTITION} if none): who may send it. */
    final int partition;
    List<Segment> parts;
    int next;
    final List<String> ids = new ArrayList<>();
    final List<Integer> acceptedSeqs = new ArrayList<>();
    String link;
    int attempt;

    MtJob(SmsMt mt, int partition) {
        this.mt = mt;
        this.partition = partition;
    }

    /** A PENDING MT read back from the ledger, with the parts the SMS-C accepted before. */
    static MtJob resumed(MtLedger.Pending pending) {
        MtJob job = new MtJob(pending.mt(), pending.partition());
        for (MtLedger.AcceptedPart a : pending.accepted()) {
            job.ids.add(a.messageId());
            job.acceptedSeqs.add(a.seq());
            job.link = a.linkId();
        }
        return job;
    }
}
