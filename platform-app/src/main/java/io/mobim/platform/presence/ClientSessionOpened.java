package io.mobim.platform.presence;

import io.mobim.events.Msisdn;
import java.util.UUID;

/** A client session went live: messages waiting for the subscriber can now go to it. */
public record ClientSessionOpened(UUID sessionId, Msisdn msisdn) {
}
