package io.mobim.wv.model.presence;

import io.mobim.wv.model.WvNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The presence attribute {@code <CommCap>}: how the user can be reached.
 *
 * @param qualifier {@code <Qualifier>} (T/F), or {@code null} when absent
 * @param commCs the {@code <CommC>} elements in order (empty for none)
 */
public record CommCap(Boolean qualifier, List<CommC> commCs) implements PresenceAttribute {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "CommCap";

    public CommCap {
        commCs = commCs == null ? List.of() : List.copyOf(commCs);
    }

    /** Qualifier T and these capabilities. */
    public static CommCap of(CommC... commCs) {
        return new CommCap(Boolean.TRUE, List.of(commCs));
    }

    /** The first capability named {@code cap} (IM, SMS, ...), or {@code null}. */
    public CommC cap(String cap) {
        for (CommC c : commCs) {
            if (cap.equals(c.cap())) {
                return c;
            }
        }
        return null;
    }

    @Override
    public String element() {
        return ELEMENT;
    }

    @Override
    public WvNode toNode() {
        List<WvNode> children = new ArrayList<>(commCs.size() + 1);
        if (qualifier != null) {
            children.add(AttributeShape.qualifier(qualifier));
        }
        for (CommC c : commCs) {
            children.add(c.toNode());
        }
        return new WvNode(ELEMENT, null, children);
    }
}
