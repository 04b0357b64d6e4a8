package io.mobim.wv.model;

/**
 * The CSP primitive {@code <GetSPInfo-Request>}.
 *
 * @param clientId {@code <ClientID>}, or {@code null} when absent
 */
public record GetSpInfoRequest(ClientId clientId) implements Primitive {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "GetSPInfo-Request";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
