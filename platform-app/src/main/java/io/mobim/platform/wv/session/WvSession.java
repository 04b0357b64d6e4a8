package io.mobim.platform.wv.session;

import io.mobim.events.Msisdn;
import io.mobim.wv.CspVersion;
import java.util.UUID;

/**
 * A live CSP session, as any instance may keep it in memory: only what never changes in a session. What the client
 * may renegotiate (its delivery method, its KeepAliveTime) is read from {@link WvSessions}, so that every instance
 * sees a change made through another.
 *
 * @param clientSession the IM core's client session it is ({@code im.client_session}): deliveries and presence use it
 * @param msisdn the subscriber logged in
 * @param version the CSP version the client logged in with
 * @param sessionCookie the client's SessionCookie (a CIR names the session by it)
 */
public record WvSession(UUID clientSession, Msisdn msisdn, CspVersion version, String sessionCookie) {
}
