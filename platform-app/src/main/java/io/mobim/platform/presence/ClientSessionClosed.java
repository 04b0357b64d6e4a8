package io.mobim.platform.presence;

import io.mobim.events.Msisdn;
import java.util.UUID;

/** A client session ended (logout, or expiry after silence): messages it did not acknowledge go back to the queue. */
public record ClientSessionClosed(UUID sessionId, Msisdn msisdn, boolean expired) {
}
