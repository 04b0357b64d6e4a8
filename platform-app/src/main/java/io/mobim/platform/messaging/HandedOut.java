package io.mobim.platform.messaging;

import java.util.List;

/**
 * What one fetch handed a session ({@link ClientDeliveries#handOut}), and whether another message still waited
 * unclaimed for its subscriber once these were claimed: a client told so fetches again (CSP's {@code Poll=T}).
 */
public record HandedOut(List<ClientDelivery> deliveries, boolean more) {

    public HandedOut {
        deliveries = List.copyOf(deliveries);
    }

    static final HandedOut NOTHING = new HandedOut(List.of(), false);
}
