package io.mobim.wv.model;

/**
 * The CSP primitive {@code <Login-Response>}.
 *
 * @param clientId {@code <ClientID>}, or {@code null} when absent
 * @param result {@code <Result>}, or {@code null} when absent
 * @param sessionId {@code <SessionID>}, or {@code null} when absent
 * @param keepAliveTime {@code <KeepAliveTime>}, or {@code null} when absent
 * @param capabilityRequest {@code <CapabilityRequest>}, or {@code null} when absent
 * @param nonce {@code <Nonce>}, or {@code null} when absent
 * @param digestSchema {@code <DigestSchema>}, or {@code null} when absent
 */
public record LoginResponse(ClientId clientId, Result result, String sessionId, Integer keepAliveTime, Boolean capabilityRequest, String nonce, String digestSchema) implements Primitive {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "Login-Response";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
