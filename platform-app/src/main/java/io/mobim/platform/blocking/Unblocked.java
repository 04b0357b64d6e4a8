package io.mobim.platform.blocking;

import io.mobim.events.Msisdn;

/** {@code owner} took {@code blocked} off their block list (published inside the transaction that did it). */
public record Unblocked(Msisdn owner, Msisdn blocked) {
}
