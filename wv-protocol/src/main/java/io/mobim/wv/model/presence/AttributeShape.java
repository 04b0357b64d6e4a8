package io.mobim.wv.model.presence;

import io.mobim.wv.model.WvNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The form of each typed presence attribute: its child elements in the one order its record is written in,
 * each a leaf at most once ({@code CommCap}'s {@code CommC}s, each of the leaves {@link #COMM_C}, follow
 * its {@code Qualifier}). Content in that form becomes the record, anything else an {@link OtherAttribute};
 * so writing the record gives back exactly the content it came from. The codecs read the bytes with these
 * shapes; {@link PresenceAttribute#of} reads a tree.
 */
public enum AttributeShape {
    ONLINE_STATUS(OnlineStatus.ELEMENT, "Qualifier", "PresenceValue"),
    USER_AVAILABILITY(UserAvailability.ELEMENT, "Qualifier", "PresenceValue"),
    STATUS_TEXT(StatusText.ELEMENT, "Qualifier", "PresenceValue"),
    STATUS_MOOD(StatusMood.ELEMENT, "Qualifier", "PresenceValue"),
    ALIAS(Alias.ELEMENT, "Qualifier", "PresenceValue"),
    CLIENT_INFO(ClientInfo.ELEMENT, "Qualifier", "ClientType", "DevManufacturer", "ClientProducer", "Model",
            "ClientVersion", "Language"),
    COMM_CAP(CommCap.ELEMENT, "Qualifier"),
    STATUS_CONTENT(StatusContent.ELEMENT, "Qualifier", "DirectContent", "ReferredContent", "ContentType");

    /** The leaves of a {@code CommC}, in order. */
    public static final List<String> COMM_C = List.of("Cap", "Status", "Contact", "Note");
    /** The most leaves a shape has. */
    public static final int MAX_LEAVES = 7;

    private final String element;
    private final List<String> leaves;

    AttributeShape(String element, String... leaves) {
        this.element = element;
        this.leaves = List.of(leaves);
    }

    /** The attribute's element name. */
    public String element() {
        return element;
    }

    /** Its leaf children, in order. */
    public List<String> leaves() {
        return leaves;
    }

    /** Whether {@code CommC} children follow the leaves. */
    public boolean hasCommCs() {
        return this == COMM_CAP;
    }

    /** The shape of the attribute element named so, or {@code null} for an attribute the model does not type. */
    public static AttributeShape of(String element) {
        return switch (element) {
            case "OnlineStatus" -> ONLINE_STATUS;
            case "UserAvailability" -> USER_AVAILABILITY;
            case "StatusText" -> STATUS_TEXT;
            case "StatusMood" -> STATUS_MOOD;
            case "Alias" -> ALIAS;
            case "ClientInfo" -> CLIENT_INFO;
            case "CommCap" -> COMM_CAP;
            case "StatusContent" -> STATUS_CONTENT;
            default -> null;
        };
    }

    /**
     * The record from the texts of its leaves in the order of {@link #leaves()} ({@code null} for an absent
     * leaf, {@code ""} for an empty one; the array may be longer, with {@code null}s) and its {@code CommC}s, or {@code null} if a value does not fit the
     * record exactly (a qualifier or boolean other than T/F, an availability not spelt as the CSP spells it).
     */
    public PresenceAttribute build(String[] texts, List<CommC> commCs) {
        String q = texts[0];
        Boolean qualifier = tf(q);
        if (q != null && qualifier == null) {
            return null;
        }
        String v = texts.length > 1 ? texts[1] : null;
        return switch (this) {
            case ONLINE_STATUS, USER_AVAILABILITY, STATUS_TEXT, STATUS_MOOD, ALIAS -> value(qualifier, v);
            case CLIENT_INFO -> new ClientInfo(qualifier, v, texts[2], texts[3], texts[4], texts[5], texts[6]);
            case COMM_CAP -> new CommCap(qualifier, commCs);
            case STATUS_CONTENT -> new StatusContent(qualifier, v, texts[2], texts[3]);
        };
    }

    /** Whether the shape is a {@link ValueAttribute}'s: a {@code Qualifier} and a {@code PresenceValue}. */
    public boolean isValue() {
        return ordinal() <= ALIAS.ordinal();
    }

    /**
     * The record of a {@link #isValue() value shape} from the texts of its two leaves, as {@link #build} gives it.
     * The records of OnlineStatus and UserAvailability, whose values are few, are shared.
     */
    public PresenceAttribute value(String qualifier, String value) {
        Boolean q = tf(qualifier);
        if (qualifier != null && q == null) {
            return null;
        }
        return value(q, value);
    }

    private PresenceAttribute value(Boolean qualifier, String v) {
        int q = qualifier == null ? 0 : qualifier ? 1 : 2;
        return switch (this) {
            case ONLINE_STATUS -> {
                Boolean b = tf(v);
                yield v != null && b == null ? null : ONLINE_STATUSES[q * 3 + (b == null ? 0 : b ? 1 : 2)];
            }
            case USER_AVAILABILITY -> {
                Availability a = v == null ? null : Availability.parse(v);
                yield v != null && a == null ? null
                        : USER_AVAILABILITIES[q * AVAILABILITIES + (a == null ? 0 : a.ordinal() + 1)];
            }
            case STATUS_TEXT -> new StatusText(qualifier, v);
            case STATUS_MOOD -> new StatusMood(qualifier, v);
            case ALIAS -> new Alias(qualifier, v);
            default -> throw new IllegalStateException(this + " is not a value shape");
        };
    }

    private static final Boolean[] QUALIFIERS = {null, Boolean.TRUE, Boolean.FALSE};
    private static final int AVAILABILITIES = Availability.values().length + 1;
    /** Every OnlineStatus, by qualifier and value (each null, T, F). */
    private static final OnlineStatus[] ONLINE_STATUSES = new OnlineStatus[9];
    /** Every UserAvailability, by qualifier and value (null, then the availabilities). */
    private static final UserAvailability[] USER_AVAILABILITIES = new UserAvailability[3 * AVAILABILITIES];

    static {
        for (int q = 0; q < 3; q++) {
            for (int v = 0; v < 3; v++) {
                ONLINE_STATUSES[q * 3 + v] = new OnlineStatus(QUALIFIERS[q], QUALIFIERS[v]);
            }
            for (int v = 0; v < AVAILABILITIES; v++) {
                USER_AVAILABILITIES[q * AVAILABILITIES + v] =
                        new UserAvailability(QUALIFIERS[q], v == 0 ? null : Availability.values()[v - 1]);
            }
        }
    }

    /** The capability from the texts of its leaves in the order of {@link #COMM_C}. */
    public static CommC commC(String[] texts) {
        return new CommC(texts[0], texts[1], texts[2], texts[3]);
    }

    private static Boolean tf(String s) {
        if (s == null) {
            return null;
        }
        return s.equals("T") ? Boolean.TRUE : s.equals("F") ? Boolean.FALSE : null;
    }

    // ------------------------------------------------------------------ trees

    static PresenceAttribute read(WvNode n) {
        AttributeShape s = of(n.name());
        PresenceAttribute a = s == null || n.text() != null ? null : s.readTyped(n);
        return a != null ? a : new OtherAttribute(n);
    }

    private PresenceAttribute readTyped(WvNode n) {
        String[] texts = new String[leaves.size()];
        ArrayList<CommC> commCs = null;
        int next = 0;
        for (WvNode c : n.children()) {
            if (hasCommCs() && c.name().equals(CommC.ELEMENT)) {
                String[] cTexts = c.text() == null ? leaves(c, COMM_C) : null;
                if (cTexts == null) {
                    return null;
                }
                if (commCs == null) {
                    commCs = new ArrayList<>();
                }
                commCs.add(commC(cTexts));
                next = leaves.size();
                continue;
            }
            int i = leafIndex(leaves, c, next);
            if (i < 0) {
                return null;
            }
            texts[i] = c.text() == null ? "" : c.text();
            next = i + 1;
        }
        return build(texts, commCs);
    }

    /** The texts of {@code n}'s children if they are the leaves {@code names} in order, at most once each; else {@code null}. */
    private static String[] leaves(WvNode n, List<String> names) {
        String[] texts = new String[names.size()];
        int next = 0;
        for (WvNode c : n.children()) {
            int i = leafIndex(names, c, next);
            if (i < 0) {
                return null;
            }
            texts[i] = c.text() == null ? "" : c.text();
            next = i + 1;
        }
        return texts;
    }

    private static int leafIndex(List<String> names, WvNode c, int from) {
        if (!c.children().isEmpty()) {
            return -1;
        }
        for (int i = from; i < names.size(); i++) {
            if (names.get(i).equals(c.name())) {
                return i;
            }
        }
        return -1;
    }

    static WvNode node(String name, WvNode... children) {
        List<WvNode> kept = new ArrayList<>(children.length);
        for (WvNode c : children) {
            if (c != null) {
                kept.add(c);
            }
        }
        return new WvNode(name, null, kept);
    }

    static WvNode qualifier(Boolean q) {
        return q == null ? null : WvNode.leaf("Qualifier", q ? "T" : "F");
    }

    static WvNode leaf(String name, String text) {
        return text == null ? null : WvNode.leaf(name, text);
    }
}
