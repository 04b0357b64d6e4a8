package io.mobim.platform.presence;

import io.mobim.events.Msisdn;
import java.time.Instant;

/**
 * A subscriber's presence as one authorised watcher sees it.
 *
 * @param availability what they chose; INVISIBLE is never shown: an invisible subscriber is AWAY and offline
 * @param clientOnline whether a client (Wireless Village) session is live
 * @param smsReachable whether SMS reaches them (always, while their subscription is active and they did not text STOP)
 * @param lastSeen when their client was last active, to the minute (privacy, and no hot-path writes)
 */
public record PresenceView(Msisdn msisdn, Availability availability, String statusText, String location,
                           boolean clientOnline, boolean smsReachable, Instant lastSeen) {
}
