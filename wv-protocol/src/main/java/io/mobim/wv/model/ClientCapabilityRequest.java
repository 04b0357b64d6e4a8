package io.mobim.wv.model;

/**
 * The CSP primitive {@code <ClientCapability-Request>}.
 *
 * @param clientId {@code <ClientID>}, or {@code null} when absent
 * @param capabilityList {@code <CapabilityList>}, or {@code null} when absent
 */
public record ClientCapabilityRequest(ClientId clientId, CapabilityList capabilityList) implements Primitive {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "ClientCapability-Request";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
