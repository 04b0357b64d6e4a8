package io.mobim.platform.contacts;

import io.mobim.events.Msisdn;

/**
 * {@code watcher} added {@code presentity} as a contact and asks to see their presence. Published inside the
 * transaction that records the request; the channels tell the presentity (a service SMS, a client notice).
 *
 * @param number the request's number among the presentity's pending requests (ACCEPT n / DENY n)
 */
public record AuthorizationRequested(Msisdn presentity, Msisdn watcher, String watcherNickname, int number) {
}
