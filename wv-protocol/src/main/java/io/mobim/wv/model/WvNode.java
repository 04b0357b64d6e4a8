package io.mobim.wv.model;

import java.util.List;

/**
 * An open-content element subtree, used where CSP content is a large or extensible tree that a
 * server reads selectively: the service-function trees {@code Functions}/{@code AllFunctions},
 * {@code Logo}, {@code DefaultAttributeList}, {@code AdminMapList}, and the presence attributes the
 * model does not type ({@link io.mobim.wv.model.presence.OtherAttribute}). Element names are the CSP names; elements unknown to the tag table are
 * dropped when decoding and rejected when encoding.
 *
 * @param name element name, e.g. {@code OnlineStatus}
 * @param text character content, or {@code null} for none ("" is normalised to {@code null})
 * @param children child elements in document order
 */
public record WvNode(String name, String text, List<WvNode> children) {

    public WvNode {
        if (name == null) {
            throw new IllegalArgumentException("name");
        }
        if (text != null && text.isEmpty()) {
            text = null;
        }
        children = Lists.copy(children);
    }

    /** An element with text and no children, e.g. {@code <Qualifier>T</Qualifier>}. */
    public static WvNode leaf(String name, String text) {
        return new WvNode(name, text, List.of());
    }

    /** An element with children and no text. */
    public static WvNode of(String name, WvNode... children) {
        return new WvNode(name, null, List.of(children));
    }

    /** The first child with this name, or {@code null}. */
    public WvNode child(String childName) {
        for (WvNode c : children) {
            if (c.name.equals(childName)) {
                return c;
            }
        }
        return null;
    }

    /** The text of the first child with this name, or {@code null}. */
    public String childText(String childName) {
        WvNode c = child(childName);
        return c == null ? null : c.text;
    }

    /**
     * A presence attribute in the usual {@code <X><Qualifier>T</Qualifier><PresenceValue>v</PresenceValue></X>}
     * shape, e.g. {@code WvNode.presenceValue("UserAvailability", "AVAILABLE")}.
     */
    public static WvNode presenceValue(String attribute, String value) {
        return of(attribute, leaf("Qualifier", "T"), leaf("PresenceValue", value));
    }
}
