package io.mobim.platform.wv.session;

import io.mobim.events.Msisdn;
import io.mobim.wv.CspVersion;
import java.util.UUID;

/**
 * A live CSP session.
 *
 * @param clientSession the IM core's client session it is ({@code im.client_session}): deliveries and presence use it
 * @param msisdn the subscriber logged in
 * @param version the CSP version the client logged in with
 * @param sessionCookie the client's SessionCookie (a CIR names the session by it)
 * @param keepAliveSeconds the KeepAliveTime agreed
 * @param deliveryMethod how new messages reach the client
 */
public record WvSession(UUID clientSession, Msisdn msisdn, CspVersion version, String sessionCookie, int keepAliveSeconds,
                        DeliveryMethod deliveryMethod) {

    WvSession withDeliveryMethod(DeliveryMethod method) {
        return new WvSession(clientSession, msisdn, version, sessionCookie, keepAliveSeconds, method);
    }

    WvSession withKeepAlive(int seconds) {
        return new WvSession(clientSession, msisdn, version, sessionCookie, seconds, deliveryMethod);
    }
}
