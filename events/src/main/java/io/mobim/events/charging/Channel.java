package io.mobim.events.charging;

/** How the charged party reached the service for this fact. */
public enum Channel {
    /** SMS short code, through the operator's SMS-C (SMPP). Carries an SMS-C reference and a segment count. */
    SMS,
    /** Wireless Village client over GPRS (HTTP). */
    CLIENT,
    /** Traffic to or from a peer operator's platform. */
    INTEROP
}
