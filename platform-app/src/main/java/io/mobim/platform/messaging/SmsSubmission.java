package io.mobim.platform.messaging;

import io.mobim.events.Topics;
import io.mobim.events.sms.SmsMt;
import io.mobim.platform.contacts.Contact;
import io.mobim.platform.contacts.Contacts;
import io.mobim.platform.outbox.Outbox;
import io.mobim.events.Msisdn;
import io.mobim.platform.subscribers.Subscriber;
import java.time.Instant;
import java.util.UUID;

/**
 * A delivery sent as an SMS: its text rendered for the recipient and handed to the SMS gateway through the outbox
 * ({@code sms.mt.v1}), in the caller's transaction. The gateway's outcome names the delivery again
 * ({@link #deliveryOf}).
 */
public final class SmsSubmission {

    /** Request id of a delivery sent by SMS: {@code dlv-<delivery id>} (matched again on sms.dlr.v1). */
    public static final String REQUEST_PREFIX = "dlv-";

    private final Contacts contacts;
    private final Outbox outbox;
    private final SmsRenderer renderer;
    private final MessagingSettings settings;

    SmsSubmission(Contacts contacts, Outbox outbox, SmsRenderer renderer, MessagingSettings settings) {
        this.contacts = contacts;
        this.outbox = outbox;
        this.renderer = renderer;
        this.settings = settings;
    }

    /** {@code to} as the SMS carrying a message from {@code sender} needs them (one lookup of the sender among their contacts). */
    SmsRecipient recipient(Subscriber to, Msisdn sender) {
        return new SmsRecipient(to.msisdn(), to.locale(), contacts.byNumber(to.msisdn(), sender).map(Contact::position).orElse(null));
    }

    void submit(UUID deliveryId, ClientDelivery message, SmsRecipient recipient, Instant expires) {
        String text = renderer.render(message, recipient);
        if (text.length() > SmsMt.MAX_TEXT_LENGTH) {
            text = text.substring(0, SmsMt.MAX_TEXT_LENGTH);
        }
        outbox.append(Topics.SMS_MT, recipient.msisdn().value(),
                SmsMt.of(REQUEST_PREFIX + deliveryId, settings.smsSender(), recipient.msisdn().value(), text, expires, true, SmsMt.IM_MESSAGE));
    }

    /** The delivery a gateway outcome's request id names ({@code dlv-<delivery id>}), or null for a service SMS or another producer's. */
    static UUID deliveryOf(String requestId) {
        if (requestId == null || !requestId.startsWith(REQUEST_PREFIX)) {
            return null;
        }
        try {
            return UUID.fromString(requestId.substring(REQUEST_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
