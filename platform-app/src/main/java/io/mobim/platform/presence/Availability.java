package io.mobim.platform.presence;

/** What a subscriber says about themselves. INVISIBLE shows them as offline to every watcher. */
public enum Availability {
    AVAILABLE, BUSY, AWAY, INVISIBLE
}
