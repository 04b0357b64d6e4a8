package io.mobim.wv.model;

/** {@code <TransactionMode>}: who started the transaction. */
public enum TransactionMode {
    REQUEST("Request"),
    RESPONSE("Response");

    private final String xml;

    TransactionMode(String xml) {
        this.xml = xml;
    }

    /** The wire value. */
    public String xml() {
        return xml;
    }

    /** Lenient parse (case-insensitive), or {@code null}. */
    public static TransactionMode parse(String s) {
        if (s == null) {
            return null;
        }
        // the wire value as written (every document of a handset): no trimming and case folding
        if (s.equals(REQUEST.xml)) {
            return REQUEST;
        }
        if (s.equals(RESPONSE.xml)) {
            return RESPONSE;
        }
        String t = s.trim();
        if (t.equalsIgnoreCase("Request")) {
            return REQUEST;
        }
        if (t.equalsIgnoreCase("Response")) {
            return RESPONSE;
        }
        return null;
    }
}
