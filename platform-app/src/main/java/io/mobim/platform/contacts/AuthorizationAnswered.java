package io.mobim.platform.contacts;

import io.mobim.events.Msisdn;

/** {@code presentity} accepted or denied {@code watcher}'s request to see their presence. */
public record AuthorizationAnswered(Msisdn presentity, Msisdn watcher, AuthorizationState state) {
}
