package io.mobim.platform.blocking;

import io.mobim.events.Msisdn;

/**
 * {@code owner} changed whom they refuse (published inside the transaction that did it): someone may see their
 * presence again.
 */
public record AccessListsChanged(Msisdn owner) {
}
