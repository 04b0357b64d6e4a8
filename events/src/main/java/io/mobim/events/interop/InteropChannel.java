package io.mobim.events.interop;

/** How the message reached the platform that reports it. */
public enum InteropChannel {
    /** An SMS short-code command through the operator's SMS-C; units are SMS segments. */
    SMS,
    /** A Wireless Village client message; one unit per message. */
    CLIENT
}
