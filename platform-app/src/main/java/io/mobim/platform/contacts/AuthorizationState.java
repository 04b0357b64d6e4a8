package io.mobim.platform.contacts;

/** The presentity's answer to a watcher (RFC 2779): presence is shown only once it is ACCEPTED. */
public enum AuthorizationState {
    PENDING, ACCEPTED, DENIED
}
