package io.mobim.smpp.mt;

import io.mobim.events.sms.SmsDlr;
import io.mobim.events.sms.SmsMt;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** {@link MtLedger} in memory: for tests, and for a gateway without a database (it forgets on restart). */
public final class InMemoryMtLedger implements MtLedger {

    private static final class Entry {
        final SmsMt mt;
        final long position;
        final int partition;
        final Instant takenAt;
        State state = State.PENDING;
        String errorCode;
        boolean outcomePublished;
        int total;
        SmsDlr.Status receiptStatus;
        final TreeMap<Integer, AcceptedPart> parts = new TreeMap<>();
        final TreeMap<Integer, SmsDlr.Status> receipts = new TreeMap<>();
        final TreeMap<Integer, String> receiptErrors = new TreeMap<>();

        Entry(SmsMt mt, long position, int partition, Instant takenAt) {
            this.mt = mt;
            this.position = position;
            this.partition = partition;
            this.takenAt = takenAt;
        }
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, String> byMessageId = new ConcurrentHashMap<>();
    private long positions;

    @Override
    public synchronized boolean register(SmsMt mt, Instant now) {
        return entries.putIfAbsent(mt.requestId(), new Entry(mt, ++positions, NO_PARTITION, now)) == null;
    }

    @Override
    public synchronized List<SmsMt> registerAll(List<SmsMt> mts, Instant now) {
        return take(Offer.unpartitioned(mts), now).stream().map(Taken::mt).toList();
    }

    @Override
    public synchronized List<Taken> take(List<Offer> offers, Instant now) {
        // synchronized: all or none as seen by open() and the other calls
        List<Taken> out = new ArrayList<>();
        for (Offer o : offers) {
            Entry e = new Entry(o.mt(), positions + 1, o.partition(), now);
            if (entries.putIfAbsent(o.mt().requestId(), e) == null) {
                positions++;
                out.add(new Taken(o.mt(), e.position, o.partition()));
            }
        }
        return out;
    }

    @Override
    public synchronized int forget(Instant cutoff, int limit) {
        List<Entry> over = entries.values().stream()
                .filter(e -> e.takenAt.isBefore(cutoff) && e.state != State.PENDING && e.outcomePublished
                        && e.mt.expiresAt().isBefore(cutoff))
                .sorted(Comparator.comparingLong(e -> e.position)).limit(limit).toList();
        for (Entry e : over) {
            entries.remove(e.mt.requestId());
            e.parts.values().forEach(p -> byMessageId.remove(p.linkId() + "|" + p.messageId()));
        }
        return over.size();
    }

    @Override
    public synchronized List<Pending> pendingAfter(long position, int limit) {
        return pending(e -> e.position > position, limit);
    }

    @Override
    public synchronized List<Pending> pendingAfter(Map<Integer, Long> after, int limit) {
        return pending(e -> after.containsKey(e.partition) && e.position > after.get(e.partition), limit);
    }

    private List<Pending> pending(java.util.function.Predicate<Entry> after, int limit) {
        return entries.values().stream().filter(e -> e.state == State.PENDING && after.test(e))
                .sorted(Comparator.comparingLong(e -> e.position)).limit(limit)
                .map(e -> new Pending(e.mt, e.position, List.copyOf(e.parts.values()), e.partition)).toList();
    }

    @Override
    public synchronized List<OpenRequest> unpublishedAfter(long position, int limit) {
        return entries.values().stream().filter(e -> e.position > position && e.state != State.PENDING && !e.outcomePublished)
                .sorted(Comparator.comparingLong(e -> e.position)).limit(limit)
                .map(e -> new OpenRequest(e.mt, e.state, e.errorCode, ids(e), e.position)).toList();
    }

    @Override
    public synchronized java.util.Set<String> write(Batch batch) {
        return MtLedger.super.write(batch);
    }

    @Override
    public synchronized List<OpenRequest> open() {
        List<OpenRequest> out = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (e.state == State.PENDING || !e.outcomePublished) {
                out.add(new OpenRequest(e.mt, e.state, e.errorCode, ids(e)));
            }
        }
        return out;
    }

    private static List<String> ids(Entry e) {
        return e.parts.values().stream().map(AcceptedPart::messageId).toList();
    }

    @Override
    public synchronized List<AcceptedPart> acceptedParts(String requestId) {
        Entry e = entries.get(requestId);
        return e == null ? List.of() : List.copyOf(e.parts.values());
    }

    @Override
    public synchronized void partAccepted(String requestId, int seq, int total, String linkId, String messageId, Instant at) {
        Entry e = entries.get(requestId);
        e.total = total;
        e.parts.put(seq, new AcceptedPart(seq, linkId, messageId));
        byMessageId.put(linkId + "|" + messageId, requestId + "|" + seq);
    }

    @Override
    public synchronized boolean lastPartAccepted(String requestId, int seq, int total, String linkId, String messageId, Instant at) {
        partAccepted(requestId, seq, total, linkId, messageId, at);
        return finish(requestId, State.ACCEPTED, null, at);
    }

    @Override
    public synchronized boolean finish(String requestId, State state, String errorCode, Instant at) {
        Entry e = entries.get(requestId);
        if (e == null || e.state != State.PENDING) {
            return false;
        }
        e.state = state;
        e.errorCode = errorCode;
        return true;
    }

    @Override
    public synchronized void outcomePublished(String requestId) {
        Entry e = entries.get(requestId);
        if (e != null) {
            e.outcomePublished = true;
        }
    }

    @Override
    public synchronized List<PartMatch> findParts(String linkId, Collection<String> messageIds) {
        List<PartMatch> out = new ArrayList<>();
        for (String id : messageIds) {
            String ref = byMessageId.get(linkId + "|" + id);
            if (ref != null) {
                int bar = ref.lastIndexOf('|');
                Entry e = entries.get(ref.substring(0, bar));
                int seq = Integer.parseInt(ref.substring(bar + 1));
                out.add(new PartMatch(e.mt.requestId(), e.mt.to(), e.mt.service(), e.mt.receiptWanted(), e.state,
                        seq, e.total, e.outcomePublished, e.parts.get(seq).messageId(), e.receiptStatus != null));
            }
        }
        return out;
    }

    @Override
    public synchronized Optional<Aggregate> receipt(String requestId, int seq, SmsDlr.Status status, String errorCode, Instant at) {
        Entry e = entries.get(requestId);
        if (e == null) {
            return Optional.empty();
        }
        e.receipts.putIfAbsent(seq, status);
        if (errorCode != null) {
            e.receiptErrors.putIfAbsent(seq, errorCode);
        }
        if (e.receiptStatus != null || e.receipts.size() < e.total) {
            return Optional.empty();
        }
        SmsDlr.Status aggregate = SmsDlr.Status.DELIVERED;
        String error = null;
        for (Map.Entry<Integer, SmsDlr.Status> r : e.receipts.entrySet()) {
            if (r.getValue() != SmsDlr.Status.DELIVERED) {
                aggregate = r.getValue();
                error = e.receiptErrors.get(r.getKey());
                break;
            }
        }
        return Optional.of(new Aggregate(aggregate, error, ids(e)));
    }

    @Override
    public synchronized void receiptPublished(String requestId, SmsDlr.Status status, Instant at) {
        Entry e = entries.get(requestId);
        if (e != null) {
            e.receiptStatus = status;
        }
    }
}
