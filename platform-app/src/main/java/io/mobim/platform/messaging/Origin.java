package io.mobim.platform.messaging;

import io.mobim.events.charging.Channel;

/**
 * How a message reached the platform, for charging: the channel, and for SMS the SMS-C's reference and the
 * number of segments the subscriber paid for; for a message from a peer operator ({@link Channel#INTEROP}) that
 * operator and the units its platform reported.
 */
public record Origin(Channel channel, String smscReference, int segments, String peerOperator) {

    public Origin(Channel channel, String smscReference, int segments) {
        this(channel, smscReference, segments, null);
    }

    public static Origin client() {
        return new Origin(Channel.CLIENT, null, 0);
    }

    public static Origin sms(String smscReference, int segments) {
        return new Origin(Channel.SMS, smscReference, segments);
    }

    /** A message a peer operator's platform handed over, of {@code units} chargeable units (SMS segments, or 1). */
    public static Origin peer(String operator, int units) {
        return new Origin(Channel.INTEROP, null, units, operator);
    }

    /** Whether the message came from a peer operator's subscriber. */
    public boolean fromPeer() {
        return channel == Channel.INTEROP;
    }
}
