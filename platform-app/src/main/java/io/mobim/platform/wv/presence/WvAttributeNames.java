package io.mobim.platform.wv.presence;

import io.mobim.platform.presence.PresenceAttribute;
import io.mobim.platform.wv.CspFault;
import io.mobim.wv.StatusCode;
import io.mobim.wv.model.presence.PresenceSubList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The CSP names of the presence attributes (PresenceSubList elements) and the core's attributes they are. */
final class WvAttributeNames {

    /** The attributes served, by CSP name, in the order a PresenceSubList lists them. */
    private static final Map<String, PresenceAttribute> SERVED = Map.of(
            "OnlineStatus", PresenceAttribute.ONLINE_STATUS,
            "UserAvailability", PresenceAttribute.AVAILABILITY,
            "StatusText", PresenceAttribute.STATUS_TEXT,
            "CommCap", PresenceAttribute.COMM_CAP,
            "FreeTextLocation", PresenceAttribute.LOCATION);
    private static final List<String> ORDER = List.of("OnlineStatus", "UserAvailability", "StatusText", "CommCap", "FreeTextLocation");
    /** CSP 1.1/1.2 attributes not served here: accepted in a list, and nothing is ever shown of them. */
    private static final Set<String> KNOWN = Set.of("Registration", "ClientInfo", "StatusMood", "Alias", "StatusContent",
            "ContactInfo", "TimeZone", "GeoLocation", "Address", "PLMN", "PreferredContacts", "PreferredLanguage",
            "Location", "Status");

    private WvAttributeNames() {
    }

    /**
     * The attributes a PresenceSubList names (its elements' names; values are ignored).
     *
     * @throws CspFault 750 for an element that is no CSP presence attribute, 402 when the list is missing
     */
    static Set<PresenceAttribute> of(PresenceSubList presenceSubList) {
        if (presenceSubList == null) {
            throw new CspFault(StatusCode.BAD_PARAMETER, "PresenceSubList is missing");
        }
        Set<PresenceAttribute> out = EnumSet.noneOf(PresenceAttribute.class);
        for (String a : presenceSubList.elements()) {
            PresenceAttribute served = SERVED.get(a);
            if (served != null) {
                out.add(served);
            } else if (!KNOWN.contains(a)) {
                throw new CspFault(StatusCode.INVALID_PRESENCE_ATTRIBUTE, a + " is not a presence attribute");
            }
        }
        return out;
    }

    /** A PresenceSubList naming {@code attributes} (empty elements). */
    static PresenceSubList subList(Set<PresenceAttribute> attributes) {
        return PresenceSubList.select(ORDER.stream().filter(n -> attributes.contains(SERVED.get(n))).toArray(String[]::new));
    }

    /** The CSP name of a served attribute. */
    static String name(PresenceAttribute attribute) {
        return ORDER.stream().filter(n -> SERVED.get(n) == attribute).findFirst().orElseThrow();
    }
}
