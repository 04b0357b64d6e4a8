package io.mobim.platform.blocking;

import io.mobim.events.Msisdn;
import java.util.List;

/**
 * A subscriber's two access lists and which of them is in use: while the block list is, its members are refused;
 * while the grant list is, everyone not on it is refused as well.
 */
public record AccessLists(boolean blockListInUse, List<Msisdn> blocked, boolean grantListInUse, List<Msisdn> granted) {

    public AccessLists {
        blocked = List.copyOf(blocked);
        granted = List.copyOf(granted);
    }
}
