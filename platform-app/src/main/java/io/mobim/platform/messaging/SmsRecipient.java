package io.mobim.platform.messaging;

import io.mobim.platform.subscribers.Msisdn;
import java.util.Locale;
import java.util.Objects;

/**
 * The recipient of a message sent as an SMS, as the text of that SMS needs them: their number, their language, and
 * the position under which they keep the sender in their contact list (null if they do not), so that the SMS can say
 * how to answer. Read with the routing decision, so that rendering the SMS needs no lookup of its own.
 */
public record SmsRecipient(Msisdn msisdn, Locale locale, Integer senderPosition) {

    public SmsRecipient {
        Objects.requireNonNull(msisdn, "msisdn");
        Objects.requireNonNull(locale, "locale");
    }
}
