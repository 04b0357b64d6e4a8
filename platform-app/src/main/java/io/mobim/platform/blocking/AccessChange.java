package io.mobim.platform.blocking;

import io.mobim.events.Msisdn;
import java.util.List;

/**
 * A change to a subscriber's access lists, applied at once: numbers added to and removed from each list, and
 * whether each list is in use from now on ({@code null}: as it was).
 */
public record AccessChange(Boolean blockListInUse, List<Msisdn> block, List<Msisdn> unblock,
                           Boolean grantListInUse, List<Msisdn> grant, List<Msisdn> ungrant) {

    public AccessChange {
        block = List.copyOf(block);
        unblock = List.copyOf(unblock);
        grant = List.copyOf(grant);
        ungrant = List.copyOf(ungrant);
    }
}
