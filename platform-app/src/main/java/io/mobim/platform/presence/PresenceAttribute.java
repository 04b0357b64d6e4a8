package io.mobim.platform.presence;

/** A part of a subscriber's presence that an attribute list lets a watcher see. */
public enum PresenceAttribute {
    /** Whether a client session is live (and when one last was). */
    ONLINE_STATUS,
    /** Available, busy or away. */
    AVAILABILITY,
    STATUS_TEXT,
    /** Which ways reach them now: a client, SMS. */
    COMM_CAP,
    LOCATION
}
