package io.mobim.wv.model.presence;

import io.mobim.wv.model.WvNode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code <PresenceSubList>}: presence attributes in document order. With values it is a user's presence
 * (notifications, GetPresence-Response, UpdatePresence-Request); with empty attribute elements it selects
 * attributes (GetPresence-Request, SubscribePresence-Request, attribute lists, authorisation).
 *
 * @param attributes the attribute elements in order (empty for none)
 */
public record PresenceSubList(List<PresenceAttribute> attributes) {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "PresenceSubList";

    public PresenceSubList {
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
    }

    public static PresenceSubList of(PresenceAttribute... attributes) {
        return new PresenceSubList(List.of(attributes));
    }

    /**
     * The list of a {@code PresenceSubList} element tree, each attribute typed where its content is in the
     * form of its record. Text directly inside the element is not kept (the CSP gives it element content only).
     */
    public static PresenceSubList of(WvNode presenceSubList) {
        List<PresenceAttribute> attributes = new ArrayList<>(presenceSubList.children().size());
        for (WvNode c : presenceSubList.children()) {
            attributes.add(PresenceAttribute.of(c));
        }
        return new PresenceSubList(attributes);
    }

    /** A selection of attributes: an empty element for each name, e.g. {@code select("OnlineStatus", "StatusText")}. */
    public static PresenceSubList select(String... elements) {
        List<PresenceAttribute> attributes = new ArrayList<>(elements.length);
        for (String e : elements) {
            attributes.add(PresenceAttribute.of(WvNode.of(e)));
        }
        return new PresenceSubList(attributes);
    }

    /** The first attribute of this type, or {@code null}. */
    public <A extends PresenceAttribute> A get(Class<A> type) {
        for (PresenceAttribute a : attributes) {
            if (type.isInstance(a)) {
                return type.cast(a);
            }
        }
        return null;
    }

    /** The first attribute element with this name, typed or not, or {@code null}. */
    public PresenceAttribute get(String element) {
        for (PresenceAttribute a : attributes) {
            if (a.element().equals(element)) {
                return a;
            }
        }
        return null;
    }

    /** The element names of the attributes, in order. */
    public List<String> elements() {
        return attributes.stream().map(PresenceAttribute::element).toList();
    }

    /** The list as an open element tree, as it is written. */
    public WvNode toNode() {
        return new WvNode(ELEMENT, null, attributes.stream().map(PresenceAttribute::toNode).toList());
    }
}
