package io.mobim.platform.interconnect;

import io.mobim.events.Msisdn;
import io.mobim.events.interop.InteropRecord;
import io.mobim.platform.presence.Availability;
import io.mobim.platform.presence.PresenceService;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A subscriber's presence pushed to a peer operator whose subscribers watch them, as {@code POST /s2s/v1/presence}
 * carries it: the state any watcher sees (never INVISIBLE: an invisible subscriber is sent as away and offline), and
 * the watchers of that peer who may see it. Idempotent: the receiver keeps the latest {@code changedAt}.
 *
 * @param fromOperator the presentity's operator, which sends it
 * @param toOperator   the watchers' operator
 * @param presentity   whose presence, E.164
 * @param watchers     the peer's subscribers who may see it (authorised, not blocked), E.164; empty: nobody any more
 * @param availability AVAILABLE, BUSY or AWAY
 * @param statusText   what they say, or null
 * @param clientOnline whether a client session of theirs is live
 * @param smsReachable whether SMS reaches them
 * @param lastSeen     when their client was last active, to the minute, or null
 * @param changedAt    when the presentity's operator sent this state: a push older than the one kept changes nothing
 */
public record PeerPresence(String fromOperator, String toOperator, String presentity, List<String> watchers, Availability availability,
                           String statusText, Boolean clientOnline, Boolean smsReachable, Instant lastSeen, Instant changedAt) {

    /** Most watchers one push names (a subscriber's watchers at one peer). */
    public static final int MAX_WATCHERS = 10_000;

    public PeerPresence {
        for (String op : new String[] {fromOperator, toOperator}) {
            if (op == null || !InteropRecord.OPERATOR_ID.matcher(op).matches()) {
                throw new IllegalArgumentException("fromOperator and toOperator must be operator codes (" + InteropRecord.OPERATOR_ID.pattern() + ")");
            }
        }
        if (presentity == null || !Msisdn.isE164(presentity)) {
            throw new IllegalArgumentException("presentity must be E.164 (+[1-9][0-9]{6,14})");
        }
        Objects.requireNonNull(watchers, "watchers is required (empty: nobody may see it)");
        if (watchers.size() > MAX_WATCHERS || watchers.stream().anyMatch(w -> w == null || !Msisdn.isE164(w))) {
            throw new IllegalArgumentException("watchers must be at most " + MAX_WATCHERS + " E.164 numbers");
        }
        watchers = List.copyOf(watchers);
        if (availability == null || availability == Availability.INVISIBLE) {
            throw new IllegalArgumentException("availability must be AVAILABLE, BUSY or AWAY");
        }
        if (statusText != null && (statusText.length() > PresenceService.STATUS_TEXT_MAX || statusText.chars().anyMatch(Character::isISOControl))) {
            throw new IllegalArgumentException("statusText must be at most " + PresenceService.STATUS_TEXT_MAX + " characters, no control characters");
        }
        Objects.requireNonNull(clientOnline, "clientOnline is required");
        Objects.requireNonNull(smsReachable, "smsReachable is required");
        Objects.requireNonNull(changedAt, "changedAt is required");
    }

    @Override
    public String toString() {
        return "PeerPresence[" + fromOperator + " -> " + toOperator + ", presentity " + Msisdn.mask(presentity) + ", "
                + watchers.size() + " watcher(s), " + availability + (clientOnline ? ", online" : "") + ", at " + changedAt + "]";
    }
}
