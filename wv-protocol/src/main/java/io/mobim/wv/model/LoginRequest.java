package io.mobim.wv.model;

import java.util.List;

/**
 * The CSP primitive {@code <Login-Request>}.
 *
 * @param userId {@code <UserID>}, or {@code null} when absent
 * @param clientId {@code <ClientID>}, or {@code null} when absent
 * @param password {@code <Password>}, or {@code null} when absent
 * @param digestSchemas {@code <DigestSchema>}, repeated
 * @param digestBytes {@code <DigestBytes>}, or {@code null} when absent
 * @param timeToLive {@code <TimeToLive>}, or {@code null} when absent
 * @param sessionCookie {@code <SessionCookie>}, or {@code null} when absent
 */
public record LoginRequest(String userId, ClientId clientId, String password, List<String> digestSchemas, String digestBytes, Integer timeToLive, String sessionCookie) implements Primitive {
    public LoginRequest {
        digestSchemas = Lists.copy(digestSchemas);
    }

    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "Login-Request";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
