package io.mobim.wv.model;

/**
 * The CSP primitive {@code <Service-Request>}.
 *
 * @param clientId {@code <ClientID>}, or {@code null} when absent
 * @param functions {@code <Functions>}, or {@code null} when absent
 * @param allFunctionsRequest {@code <AllFunctionsRequest>}, or {@code null} when absent
 */
public record ServiceRequest(ClientId clientId, WvNode functions, Boolean allFunctionsRequest) implements Primitive {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "Service-Request";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
