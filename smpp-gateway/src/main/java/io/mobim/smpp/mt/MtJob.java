package io.mobim.smpp.mt;

import io.mobim.events.sms.SmsMt;
import io.mobim.smpp.codec.Segment;
import java.util.ArrayList;
import java.util.List;

/**
 * One MT on its way: its parts (split on its first turn), the next one to submit, the ids the SMS-C gave so far,
 * the link its parts went to, and how many attempts in a row failed. Touched by one thread at a time: the
 * dispatcher, then the thread of the submit's response, then the retry scheduler.
 */
final class MtJob {

    final SmsMt mt;
    List<Segment> parts;
    int next;
    final List<String> ids = new ArrayList<>();
    final List<Integer> acceptedSeqs = new ArrayList<>();
    String link;
    int attempt;

    MtJob(SmsMt mt) {
        this.mt = mt;
    }

    /** A PENDING MT read back from the ledger, with the parts the SMS-C accepted before. */
    static MtJob resumed(MtLedger.Pending pending) {
        MtJob job = new MtJob(pending.mt());
        for (MtLedger.AcceptedPart a : pending.accepted()) {
            job.ids.add(a.messageId());
            job.acceptedSeqs.add(a.seq());
            job.link = a.linkId();
        }
        return job;
    }
}
