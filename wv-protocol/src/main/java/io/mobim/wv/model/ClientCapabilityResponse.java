package io.mobim.wv.model;

/**
 * The CSP primitive {@code <ClientCapability-Response>}.
 *
 * @param clientId {@code <ClientID>}, or {@code null} when absent
 * @param capabilityList {@code <CapabilityList (1.1) / AgreedCapabilityList (1.2)>}, or {@code null} when absent
 */
public record ClientCapabilityResponse(ClientId clientId, CapabilityList capabilityList) implements Primitive {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "ClientCapability-Response";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
