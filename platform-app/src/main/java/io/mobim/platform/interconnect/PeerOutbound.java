package io.mobim.platform.interconnect;

/**
 * What waits on {@code interop.outbound.v1} for a peer operator: a message, a presence authorization or a presence
 * state (exactly one).
 */
public record PeerOutbound(PeerMessage message, PeerAuthorization authorization, PeerPresence presence) {

    public PeerOutbound {
        int set = (message == null ? 0 : 1) + (authorization == null ? 0 : 1) + (presence == null ? 0 : 1);
        if (set != 1) {
            throw new IllegalArgumentException("an outbound record is a message, an authorization or a presence state");
        }
    }

    /** The operator it goes to: the record's Kafka key. */
    public String peer() {
        return message != null ? message.terminatingOperator() : authorization != null ? authorization.toOperator() : presence.toOperator();
    }

    /** What it is, for metrics and the path it goes to. */
    String kind() {
        return message != null ? "message" : authorization != null ? "authorization" : "presence";
    }

    /** The body handed to the peer. */
    Object body() {
        return message != null ? message : authorization != null ? authorization : presence;
    }
}
