package io.mobim.smpp.codec;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Puts the parts of a concatenated message back together, whatever order they arrive in, ignoring
 * duplicates (an SMS-C resends a part whose deliver_sm_resp it missed). Parts of one message share a key
 * (link, sender, recipient, reference, total). The octets of all parts are joined before decoding, so a
 * surrogate pair that another sender split across parts decodes whole. Incomplete messages older than the
 * timeout are dropped by {@link #expire(Instant)}. Thread-safe.
 */
public final class Reassembler implements PartStore {

    /** One received part. {@code payload} is short_message without any UDH. */
    public record Part(String link, String from, String to, int reference, int total, int seq, byte dataCoding,
                       byte[] payload, String smscMessageId) {
    }

    /** A complete message: octets in part order, decoded by the caller with the parts' data_coding. */
    public record Assembled(String link, String from, String to, byte dataCoding, byte[] octets, int parts,
                            String firstSmscMessageId, List<Part> pieces) {
    }

    private record Key(String link, String from, String to, int reference, int total) {
    }

    private static final class Pending {
        final Part[] parts;
        final Instant firstSeen;
        int received;

        Pending(int total, Instant firstSeen) {
            this.parts = new Part[total];
            this.firstSeen = firstSeen;
        }
    }

    private final Map<Key, Pending> pending = new ConcurrentHashMap<>();
    private final Duration timeout;

    public Reassembler(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * Adds a part; returns the whole message when this part completed it. A duplicate part, or one whose
     * seq is outside 1..total, returns empty and changes nothing.
     */
    @Override
    public Optional<Assembled> offer(Part part, Instant now) {
        if (part.total() < 1 || part.seq() < 1 || part.seq() > part.total()) {
            return Optional.empty();
        }
        if (part.total() == 1) {
            return Optional.of(new Assembled(part.link(), part.from(), part.to(), part.dataCoding(), part.payload(), 1,
                    part.smscMessageId(), List.of(part)));
        }
        Key key = new Key(part.link(), part.from(), part.to(), part.reference(), part.total());
        Assembled[] done = new Assembled[1];
        pending.compute(key, (k, p) -> {
            Pending cur = p == null ? new Pending(part.total(), now) : p;
            if (cur.parts[part.seq() - 1] == null) {
                cur.parts[part.seq() - 1] = part;
                cur.received++;
            }
            if (cur.received == cur.parts.length) {
                done[0] = join(cur.parts);
                return null;
            }
            return cur;
        });
        return Optional.ofNullable(done[0]);
    }

    /**
     * Puts the parts of a completed message back, except part {@code exceptSeq}: used when the message could
     * not be passed on and the sender will resend only that part.
     */
    @Override
    public void restore(Assembled assembled, int exceptSeq, Instant now) {
        for (Part p : assembled.pieces()) {
            if (p.seq() != exceptSeq) {
                offer(p, now);
            }
        }
    }

    /** Drops incomplete messages whose first part is older than the timeout; returns how many. */
    @Override
    public int expire(Instant now) {
        int n = 0;
        for (Iterator<Map.Entry<Key, Pending>> it = pending.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Key, Pending> e = it.next();
            if (e.getValue().firstSeen.plus(timeout).isBefore(now)) {
                it.remove();
                n++;
            }
        }
        return n;
    }

    /** Messages waiting for parts. */
    @Override
    public int pendingCount() {
        return pending.size();
    }

    /** The parts, complete and in order, as one message. */
    public static Assembled join(Part[] parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> ids = new ArrayList<>();
        for (Part p : parts) {
            out.writeBytes(p.payload());
            ids.add(p.smscMessageId());
        }
        Part first = parts[0];
        return new Assembled(first.link(), first.from(), first.to(), first.dataCoding(), out.toByteArray(), parts.length,
                ids.get(0), List.of(parts));
    }
}
