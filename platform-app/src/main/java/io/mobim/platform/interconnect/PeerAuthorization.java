package io.mobim.platform.interconnect;

import io.mobim.events.Msisdn;
import io.mobim.events.interop.InteropRecord;
import java.util.Objects;

/**
 * A presence authorization across operators, as {@code POST /s2s/v1/authorizations} carries it: a subscriber asks a
 * peer's subscriber to see their presence ({@link Kind#REQUEST}, sent by the watcher's operator), or that subscriber
 * answers ({@link Kind#ANSWER}, sent by the presentity's operator). Both are idempotent: a request asked again and an
 * answer given again change nothing.
 *
 * @param kind         request or answer
 * @param fromOperator the operator that sends it (the watcher's for a request, the presentity's for an answer)
 * @param toOperator   the operator it is for
 * @param presentity   whose presence is asked for, E.164
 * @param watcher      who asks, E.164
 * @param watcherName  the watcher's nickname (requests), shown to the presentity; may be null
 * @param accepted     the answer (answers only): true accepted, false denied
 */
public record PeerAuthorization(Kind kind, String fromOperator, String toOperator, String presentity, String watcher,
                                String watcherName, Boolean accepted) {

    public enum Kind {
        REQUEST,
        ANSWER
    }

    public PeerAuthorization {
        Objects.requireNonNull(kind, "kind");
        for (String op : new String[] {fromOperator, toOperator}) {
            if (op == null || !InteropRecord.OPERATOR_ID.matcher(op).matches()) {
                throw new IllegalArgumentException("fromOperator and toOperator must be operator codes (" + InteropRecord.OPERATOR_ID.pattern() + ")");
            }
        }
        if (presentity == null || !Msisdn.isE164(presentity) || watcher == null || !Msisdn.isE164(watcher)) {
            throw new IllegalArgumentException("presentity and watcher must be E.164 (+[1-9][0-9]{6,14})");
        }
        if (watcherName != null && (watcherName.length() > PeerMessage.MAX_SENDER_NAME || watcherName.chars().anyMatch(Character::isISOControl))) {
            throw new IllegalArgumentException("watcherName must be at most " + PeerMessage.MAX_SENDER_NAME + " characters, no control characters");
        }
        if ((kind == Kind.ANSWER) != (accepted != null)) {
            throw new IllegalArgumentException("accepted is for answers, and an answer needs it");
        }
    }

    @Override
    public String toString() {
        return "PeerAuthorization[" + kind + " " + fromOperator + " -> " + toOperator + ", presentity " + Msisdn.mask(presentity)
                + ", watcher " + Msisdn.mask(watcher) + (accepted == null ? "" : accepted ? ", accepted" : ", denied") + "]";
    }
}
