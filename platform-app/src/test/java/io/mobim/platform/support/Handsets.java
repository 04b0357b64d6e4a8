package io.mobim.platform.support;

import static org.awaitility.Awaitility.await;

import io.mobim.events.Msisdn;
import io.mobim.platform.subscribers.SubscriberChanges;
import io.mobim.platform.subscribers.Subscribers;
import io.mobim.smpp.simulator.HandsetMessage;
import io.mobim.smpp.simulator.SmscSimulator;
import java.time.Duration;

/**
 * Subscribers with plain phones, as the SMS-channel tests drive them: registered with a fresh number, texting the
 * short code through the SMS-C simulator (a real SMPP session to the gateway), and waiting for what their handset
 * receives.
 */
public final class Handsets {

    public static final Duration WAIT = Duration.ofSeconds(30);
    private static final String SHORT_CODE = "20123";

    private final SmscSimulator smsc;
    private final Subscribers subscribers;

    public Handsets(SmscSimulator smsc, Subscribers subscribers) {
        this.smsc = smsc;
        this.subscribers = subscribers;
    }

    /** A new subscriber on the VODAFONE_UK plan with replies in {@code locale}. */
    public Msisdn subscriber(String nick, String locale) {
        Msisdn m = TestNumbers.next();
        subscribers.register(m, nick, new SubscriberChanges(null, null, locale, "VODAFONE_UK", null, null, null));
        return m;
    }

    public Msisdn subscriber(String nick) {
        return subscriber(nick, "en");
    }

    /** {@code from} texts the short code; returns once the gateway acknowledged the MO. */
    public void text(Msisdn from, String text) {
        smsc.injectMo(from.value(), SHORT_CODE, text).join();
    }

    /** {@code owner} texts ADD for {@code contact} under {@code nick} and is told the contact's number in the list. */
    public HandsetMessage addsContact(Msisdn owner, Msisdn contact, String nick) {
        text(owner, "ADD " + contact.value() + " " + nick);
        return awaitSms(owner, "is contact");
    }

    /** The first SMS on {@code handset} containing {@code containing}, waiting up to {@link #WAIT} for it. */
    public HandsetMessage awaitSms(Msisdn handset, String containing) {
        return await().atMost(WAIT).until(() -> smsc.messagesTo(handset.value()).stream()
                .filter(m -> m.text().contains(containing)).findFirst().orElse(null), m -> m != null);
    }
}
