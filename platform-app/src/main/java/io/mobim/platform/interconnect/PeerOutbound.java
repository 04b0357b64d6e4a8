package io.mobim.platform.interconnect;

/**
 * What waits on {@code interop.outbound.v1} for a peer operator: a message, or a presence authorization (exactly one).
 */
public record PeerOutbound(PeerMessage message, PeerAuthorization authorization) {

    public PeerOutbound {
        if ((message == null) == (authorization == null)) {
            throw new IllegalArgumentException("an outbound record is a message or an authorization");
        }
    }

    /** The operator it goes to: the record's Kafka key. */
    public String peer() {
        return message != null ? message.terminatingOperator() : authorization.toOperator();
    }
}
