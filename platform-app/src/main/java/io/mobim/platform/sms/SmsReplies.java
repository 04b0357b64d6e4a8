package io.mobim.platform.sms;

import io.mobim.events.Topics;
import io.mobim.events.sms.SmsMt;
import io.mobim.platform.outbox.Outbox;
import io.mobim.events.Msisdn;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;

/**
 * Service SMS (replies, notices, invitations) in the recipient's language, written to the outbox in the
 * caller's transaction. They are marked {@code im.service}: not charged as IM messages.
 */
public class SmsReplies {

    static final String SERVICE_MARKER = "im.service";

    private final MessageSource texts;
    private final Outbox outbox;
    private final SmsSettings settings;
    private final Clock clock;

    SmsReplies(MessageSource texts, Outbox outbox, SmsSettings settings, Clock clock) {
        this.texts = texts;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
    }

    /** The text of {@code key} in {@code locale}. */
    public String text(Locale locale, String key, Object... args) {
        return texts.getMessage(key, args, locale);
    }

    /** Sends the text of {@code key} to {@code to} from the short code. */
    public void send(Msisdn to, Locale locale, String key, Object... args) {
        sendText(to, text(locale, key, args));
    }

    public void sendText(Msisdn to, String text) {
        String t = text.length() > SmsMt.MAX_TEXT_LENGTH ? text.substring(0, SmsMt.MAX_TEXT_LENGTH) : text;
        outbox.append(Topics.SMS_MT, to.value(), SmsMt.of("svc-" + UUID.randomUUID(), settings.shortCode(), to.value(), t,
                clock.instant().plus(settings.replyValidity()), false, SERVICE_MARKER));
    }

    public String shortCode() {
        return settings.shortCode();
    }
}
