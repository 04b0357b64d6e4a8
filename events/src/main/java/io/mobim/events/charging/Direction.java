package io.mobim.events.charging;

/** Direction of a message as seen from the charged party; derived from {@link ChargedRole}. */
public enum Direction {
    SENT,
    RECEIVED
}
