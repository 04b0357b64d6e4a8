package io.mobim.platform.messaging;

import io.mobim.events.charging.Channel;

/**
 * How a message reached the platform, for charging: the channel, and for SMS the SMS-C's reference and the
 * number of segments the subscriber paid for.
 */
public record Origin(Channel channel, String smscReference, int segments) {

    public static Origin client() {
        return new Origin(Channel.CLIENT, null, 0);
    }

    public static Origin sms(String smscReference, int segments) {
        return new Origin(Channel.SMS, smscReference, segments);
    }
}
