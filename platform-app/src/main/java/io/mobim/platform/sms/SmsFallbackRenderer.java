package io.mobim.platform.sms;

import io.mobim.platform.messaging.ClientDelivery;
import io.mobim.platform.messaging.SmsRenderer;
import io.mobim.platform.messaging.SmsRecipient;

/**
 * The SMS that carries a message to a subscriber without a live client: {@code <nick>: <text>}, and how to
 * answer in the recipient's language: their number for the sender ({@code 3 <text>}) or the room.
 */
class SmsFallbackRenderer implements SmsRenderer {

    private final SmsReplies replies;

    SmsFallbackRenderer(SmsReplies replies) {
        this.replies = replies;
    }

    @Override
    public String render(ClientDelivery m, SmsRecipient recipient) {
        if (m.room() != null) {
            return replies.text(recipient.locale(), "incoming.room", m.senderAlias(), m.body(), m.room());
        }
        if (recipient.senderPosition() != null) {
            // as text: a number argument would make MessageFormat build a NumberFormat per SMS (and group digits)
            return replies.text(recipient.locale(), "incoming.contact", m.senderAlias(), m.body(),
                    Integer.toString(recipient.senderPosition()));
        }
        return replies.text(recipient.locale(), "incoming.stranger", m.senderAlias(), m.body());
    }
}
