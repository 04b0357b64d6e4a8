package io.mobim.platform.presence;

import io.mobim.events.Msisdn;

/**
 * {@code msisdn}'s presence changed (what they said, or a client came or went), published in the transaction of the
 * change: what follows it (a push to peer operators' watchers) commits or rolls back with it.
 */
public record PresenceChanged(Msisdn msisdn) {
}
