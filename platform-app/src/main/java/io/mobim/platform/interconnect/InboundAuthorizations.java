package io.mobim.platform.interconnect;

import io.mobim.events.Msisdn;
import io.mobim.platform.contacts.Contacts;
import io.mobim.platform.subscribers.Subscribers;

/**
 * Presence authorizations a peer sends: its subscriber asks one of ours (recorded as a pending request, which our
 * subscriber is told of and answers as any other), or one of ours gets the answer to what they asked.
 */
final class InboundAuthorizations {

    private final Contacts contacts;
    private final Subscribers subscribers;

    InboundAuthorizations(Contacts contacts, Subscribers subscribers) {
        this.contacts = contacts;
        this.subscribers = subscribers;
    }

    /** False when the subscriber of ours it names does not exist (or, for an answer, never asked). */
    boolean receive(PeerAuthorization a) {
        Msisdn presentity = Msisdn.of(a.presentity());
        Msisdn watcher = Msisdn.of(a.watcher());
        return switch (a.kind()) {
            case REQUEST -> {
                if (subscribers.findActive(presentity).isEmpty()) {
                    yield false;
                }
                contacts.requestFromPeer(presentity, watcher, a.watcherName());
                yield true;
            }
            case ANSWER -> a.accepted() ? contacts.accept(presentity, watcher) : contacts.deny(presentity, watcher);
        };
    }
}
