package io.mobim.platform.sms;

import io.mobim.events.sms.SmsMo;

/**
 * Which MOs are recognised as an SMS-C's redelivery by their fingerprint ({@code SmsMo.fingerprint}).
 */
public enum RedeliveryMatch {
    /**
     * Only MOs whose PDU carried a reference that differs between two sends of the same text (the handset's
     * {@code user_message_reference}, a concatenation reference, an SMS-C timestamp): the same fingerprint is then the
     * same SMS. An MO without one is always handled: the same words texted twice are two messages.
     */
    REFERENCED,
    /**
     * Every MO with a fingerprint, for SMS-Cs that pass no reference: the same text from the same number within the
     * window is then taken for a redelivery, even when the subscriber really sent it twice.
     */
    ANY;

    /** Whether an MO with this fingerprint is matched. */
    boolean matches(String fingerprint) {
        return fingerprint != null && (this == ANY || fingerprint.startsWith(SmsMo.REFERENCED_FINGERPRINT));
    }
}
