package io.mobim.events.interop;

/**
 * Which operator reports an {@link InteropRecord}: each message that crosses operators is reported once by each side,
 * and the clearing house matches the two.
 */
public enum InteropSide {
    /** Reported by the operator whose subscriber sent the message. */
    ORIGINATING,
    /** Reported by the operator whose subscriber it was delivered to. */
    TERMINATING
}
