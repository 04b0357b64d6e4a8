package io.mobim.platform.interconnect;

import io.mobim.events.Msisdn;
import io.mobim.platform.contacts.AuthorizationAnswered;
import io.mobim.platform.contacts.AuthorizationRequested;
import io.mobim.platform.contacts.AuthorizationState;
import io.mobim.platform.subscribers.Subscribers;
import org.springframework.context.event.EventListener;

/**
 * Presence authorizations whose other party is a peer operator's subscriber go to that operator, in the transaction
 * that records them: a request when one of ours adds a peer's subscriber, an answer when one of ours answers a peer's
 * subscriber. What a peer sends us ({@link InboundAuthorizations}) is recorded as one of ours would be, and not sent
 * back: its other party is ours.
 */
final class AuthorizationForwarding {

    private final OutboundMessages outbound;
    private final Subscribers subscribers;

    AuthorizationForwarding(OutboundMessages outbound, Subscribers subscribers) {
        this.outbound = outbound;
        this.subscribers = subscribers;
    }

    @EventListener
    void onRequested(AuthorizationRequested e) {
        String peer = peerOf(e.presentity());
        if (peer != null) {
            outbound.handOver(new PeerAuthorization(PeerAuthorization.Kind.REQUEST, outbound.homeOperator(), peer, e.presentity().value(),
                    e.watcher().value(), e.watcherNickname(), null));
        }
    }

    @EventListener
    void onAnswered(AuthorizationAnswered e) {
        String peer = peerOf(e.watcher());
        if (peer != null) {
            outbound.handOver(new PeerAuthorization(PeerAuthorization.Kind.ANSWER, outbound.homeOperator(), peer, e.presentity().value(),
                    e.watcher().value(), null, e.state() == AuthorizationState.ACCEPTED));
        }
    }

    /** A subscriber of ours is never a peer's, whatever range their number is in (it may have been ported in). */
    private String peerOf(Msisdn msisdn) {
        return subscribers.find(msisdn).isPresent() ? null : outbound.peerOf(msisdn);
    }
}
