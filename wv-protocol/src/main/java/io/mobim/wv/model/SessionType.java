package io.mobim.wv.model;

/** {@code <SessionType>}: Outband before login (and for GetSPInfo), Inband inside a session. */
public enum SessionType {
    INBAND("Inband"),
    OUTBAND("Outband");

    private final String xml;

    SessionType(String xml) {
        this.xml = xml;
    }

    /** The wire value. */
    public String xml() {
        return xml;
    }

    /** Lenient parse (case-insensitive), or {@code null}. */
    public static SessionType parse(String s) {
        if (s == null) {
            return null;
        }
        // the wire value as written (every document of a handset): no trimming and case folding
        if (s.equals(INBAND.xml)) {
            return INBAND;
        }
        if (s.equals(OUTBAND.xml)) {
            return OUTBAND;
        }
        String t = s.trim();
        if (t.equalsIgnoreCase("Inband")) {
            return INBAND;
        }
        if (t.equalsIgnoreCase("Outband")) {
            return OUTBAND;
        }
        return null;
    }
}
