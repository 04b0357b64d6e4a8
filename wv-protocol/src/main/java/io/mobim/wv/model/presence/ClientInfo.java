package io.mobim.wv.model.presence;

import io.mobim.wv.model.WvNode;

/**
 * The presence attribute {@code <ClientInfo>}: the kind of client the user is on. Each text component is
 * {@code null} when absent and {@code ""} for an empty element.
 *
 * @param qualifier {@code <Qualifier>} (T/F), or {@code null} when absent
 * @param clientType {@code <ClientType>}: MOBILE_PHONE, COMPUTER, PDA, CLI, OTHER
 * @param devManufacturer {@code <DevManufacturer>}
 * @param clientProducer {@code <ClientProducer>}
 * @param model {@code <Model>}
 * @param clientVersion {@code <ClientVersion>}
 * @param language {@code <Language>}
 */
public record ClientInfo(Boolean qualifier, String clientType, String devManufacturer, String clientProducer,
        String model, String clientVersion, String language) implements PresenceAttribute {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "ClientInfo";

    /** Qualifier T and the client type only. */
    public static ClientInfo of(String clientType) {
        return new ClientInfo(Boolean.TRUE, clientType, null, null, null, null, null);
    }

    @Override
    public String element() {
        return ELEMENT;
    }

    @Override
    public WvNode toNode() {
        return AttributeShape.node(ELEMENT, AttributeShape.qualifier(qualifier), AttributeShape.leaf("ClientType", clientType),
                AttributeShape.leaf("DevManufacturer", devManufacturer), AttributeShape.leaf("ClientProducer", clientProducer),
                AttributeShape.leaf("Model", model), AttributeShape.leaf("ClientVersion", clientVersion),
                AttributeShape.leaf("Language", language));
    }
}
