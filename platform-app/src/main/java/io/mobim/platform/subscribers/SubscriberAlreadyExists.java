package io.mobim.platform.subscribers;

import io.mobim.events.Msisdn;
/** A subscriber with this number exists already. */
public class SubscriberAlreadyExists extends RuntimeException {
    public SubscriberAlreadyExists(Msisdn msisdn) {
        super("subscriber " + msisdn.masked() + " exists already");
    }
}
