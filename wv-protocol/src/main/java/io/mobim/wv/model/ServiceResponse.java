package io.mobim.wv.model;

/**
 * The CSP primitive {@code <Service-Response>}.
 *
 * @param clientId {@code <ClientID>}, or {@code null} when absent
 * @param functions {@code <Functions>}, or {@code null} when absent
 * @param allFunctions {@code <AllFunctions>}, or {@code null} when absent
 */
public record ServiceResponse(ClientId clientId, WvNode functions, WvNode allFunctions) implements Primitive {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "Service-Response";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
