package io.mobim.platform.sms;

import io.mobim.platform.subscribers.Msisdn;
import java.util.Locale;

/** The sender of an MO as its command needs them (read with the MO's handled mark, not loaded as an entity). */
record SmsSender(Msisdn msisdn, String nickname, Locale locale, boolean active, boolean smsOptedOut) {

    /** Whether a command of theirs is carried out (after STOP only START is, and a suspended subscriber is refused). */
    boolean mayCommand() {
        return active && !smsOptedOut;
    }
}
