package io.mobim.wv.model.presence;

import io.mobim.wv.model.WvNode;

/**
 * The presence attribute {@code <StatusContent>}: a picture or other content the user shows, inline or by
 * reference. Each text component is {@code null} when absent and {@code ""} for an empty element.
 *
 * @param qualifier {@code <Qualifier>} (T/F), or {@code null} when absent
 * @param directContent {@code <DirectContent>}: the content itself (base64 for binary content)
 * @param referredContent {@code <ReferredContent>}: a URL of the content
 * @param contentType {@code <ContentType>}: its MIME type
 */
public record StatusContent(Boolean qualifier, String directContent, String referredContent, String contentType)
        implements PresenceAttribute {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "StatusContent";

    @Override
    public String element() {
        return ELEMENT;
    }

    @Override
    public WvNode toNode() {
        return AttributeShape.node(ELEMENT, AttributeShape.qualifier(qualifier), AttributeShape.leaf("DirectContent", directContent),
                AttributeShape.leaf("ReferredContent", referredContent), AttributeShape.leaf("ContentType", contentType));
    }
}
