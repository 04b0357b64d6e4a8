package io.mobim.platform.messaging;


/**
 * Turns a message into the text of the SMS that carries it to a subscriber without a live client. The SMS
 * channel supplies one that speaks the recipient's language and says how to reply; this default is the bare
 * {@code alias: text} (with {@code #room} in front for room messages).
 */
public interface SmsRenderer {

    String render(ClientDelivery message, SmsRecipient recipient);

    SmsRenderer PLAIN = (m, r) -> (m.room() == null ? "" : "#" + m.room() + " ") + m.senderAlias() + ": " + m.body();
}
