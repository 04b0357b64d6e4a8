package io.mobim.platform.presence;

import io.mobim.events.Msisdn;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A subscriber's presence as one authorised watcher sees it.
 *
 * @param availability what they chose; INVISIBLE is never shown: an invisible subscriber is AWAY and offline
 * @param clientOnline whether a client (Wireless Village) session is live
 * @param smsReachable whether SMS reaches them (always, while their subscription is active and they did not text STOP)
 * @param lastSeen when their client was last active, to the minute (privacy, and no hot-path writes)
 * @param shown the attributes the watcher may see ({@link AttributeLists}); the status text and location are null
 *              when not among them, whatever they are, and the online status false
 */
public record PresenceView(Msisdn msisdn, Availability availability, String statusText, String location,
                           boolean clientOnline, boolean smsReachable, Instant lastSeen, Set<PresenceAttribute> shown) {

    /** Every attribute: what one sees of oneself and what an authorised watcher no attribute list covers sees. */
    public static final Set<PresenceAttribute> ALL = Collections.unmodifiableSet(EnumSet.allOf(PresenceAttribute.class));

    public PresenceView {
        if (shown == null) {
            shown = ALL;
        } else {
            EnumSet<PresenceAttribute> copy = EnumSet.noneOf(PresenceAttribute.class);
            copy.addAll(shown);
            shown = Collections.unmodifiableSet(copy);
        }
    }

    public boolean shows(PresenceAttribute attribute) {
        return shown.contains(attribute);
    }
}
