package io.mobim.wv.model;

/**
 * The CSP primitive {@code <GetSPInfo-Response>}.
 *
 * @param clientId {@code <ClientID>}, or {@code null} when absent
 * @param name {@code <Name>}, or {@code null} when absent
 * @param logo {@code <Logo>}, or {@code null} when absent
 * @param description {@code <Description>}, or {@code null} when absent
 * @param url {@code <URL>}, or {@code null} when absent
 */
public record GetSpInfoResponse(ClientId clientId, String name, WvNode logo, String description, String url) implements Primitive {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "GetSPInfo-Response";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
