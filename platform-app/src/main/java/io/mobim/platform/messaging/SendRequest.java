package io.mobim.platform.messaging;

import io.mobim.events.Msisdn;
import java.util.Objects;

/**
 * One message to send, as {@link MessageSender#send} takes it: for {@link MessageSender#sendAll} and the {@link GroupCommit}.
 *
 * @param clientMessageId the client's own id of the message, if it has one: resending it returns the first result
 * @param deliveryReport whether the sender wants to be told when each recipient got it
 */
public record SendRequest(Msisdn sender, Target target, String body, Origin origin, String clientMessageId, boolean deliveryReport) {

    public SendRequest {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(origin, "origin");
    }
}
