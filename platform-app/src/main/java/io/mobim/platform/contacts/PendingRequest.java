package io.mobim.platform.contacts;

import io.mobim.events.Msisdn;
import java.time.Instant;

/** A watcher waiting for the presentity's answer, numbered in the order the requests came. */
public record PendingRequest(int number, Msisdn watcher, Instant requestedAt) {
}
