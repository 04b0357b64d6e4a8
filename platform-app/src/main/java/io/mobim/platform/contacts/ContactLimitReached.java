package io.mobim.platform.contacts;

/** The subscriber has as many contacts (or lists) as the operator allows. */
public class ContactLimitReached extends RuntimeException {
    public ContactLimitReached(String what, int limit) {
        super("at most " + limit + " " + what + " per subscriber");
    }
}
