package io.mobim.platform.messaging;

import io.mobim.events.Msisdn;

/** Whom a message is for. */
public sealed interface Target {

    /** One subscriber. */
    record Subscriber(Msisdn msisdn) implements Target {
    }

    /** Every member of one of the sender's contact lists. */
    record ContactList(String name) implements Target {
    }

    /** Every other member of a room or group the sender is in. */
    record Room(String name) implements Target {
    }

    static Target subscriber(Msisdn msisdn) {
        return new Subscriber(msisdn);
    }

    static Target room(String name) {
        return new Room(name);
    }

    static Target contactList(String name) {
        return new ContactList(name);
    }
}
