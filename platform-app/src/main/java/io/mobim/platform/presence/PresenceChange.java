package io.mobim.platform.presence;

import io.mobim.events.Msisdn;
import java.util.Objects;

/**
 * A change of some of {@code who}'s presence that keeps the rest ({@link PresenceService#change}): the availability
 * unless it is null, the status text if {@code newStatusText} (null then clears it).
 */
public record PresenceChange(Msisdn who, Availability availability, boolean newStatusText, String statusText) {

    public PresenceChange {
        Objects.requireNonNull(who, "who");
        if (statusText != null && statusText.length() > PresenceService.STATUS_TEXT_MAX) {
            throw new IllegalArgumentException("a status text has at most " + PresenceService.STATUS_TEXT_MAX + " characters");
        }
    }

    /** This change, then {@code later} on top of it: what the two leave when made one after the other. */
    PresenceChange then(PresenceChange later) {
        return new PresenceChange(who, later.availability != null ? later.availability : availability,
                newStatusText || later.newStatusText, later.newStatusText ? later.statusText : statusText);
    }
}
