package io.mobim.platform.sms;

import io.mobim.platform.contacts.Contact;
import io.mobim.platform.contacts.Contacts;
import io.mobim.platform.messaging.ClientDelivery;
import io.mobim.platform.messaging.SmsRenderer;
import io.mobim.platform.subscribers.Subscriber;

/**
 * The SMS that carries a message to a subscriber without a live client: {@code <nick>: <text>}, and how to
 * answer in the recipient's language: their number for the sender ({@code 3 <text>}) or the room.
 */
class SmsFallbackRenderer implements SmsRenderer {

    private final SmsReplies replies;
    private final Contacts contacts;

    SmsFallbackRenderer(SmsReplies replies, Contacts contacts) {
        this.replies = replies;
        this.contacts = contacts;
    }

    @Override
    public String render(ClientDelivery m, Subscriber recipient) {
        if (m.room() != null) {
            return replies.text(recipient.locale(), "incoming.room", m.senderAlias(), m.body(), m.room());
        }
        return contacts.byNumber(recipient.msisdn(), m.sender())
                .map(Contact::position)
                .map(n -> replies.text(recipient.locale(), "incoming.contact", m.senderAlias(), m.body(), n))
                .orElseGet(() -> replies.text(recipient.locale(), "incoming.stranger", m.senderAlias(), m.body()));
    }
}
