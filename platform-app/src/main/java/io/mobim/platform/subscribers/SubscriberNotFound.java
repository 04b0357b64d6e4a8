package io.mobim.platform.subscribers;

import io.mobim.events.Msisdn;
/** No subscriber has this number. */
public class SubscriberNotFound extends RuntimeException {
    private final Msisdn msisdn;

    public SubscriberNotFound(Msisdn msisdn) {
        super("no subscriber " + msisdn.masked());
        this.msisdn = msisdn;
    }

    public Msisdn msisdn() {
        return msisdn;
    }
}
