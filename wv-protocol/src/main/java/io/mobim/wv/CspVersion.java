package io.mobim.wv;

/**
 * The CSP versions this codec speaks, with their namespaces and WBXML public identifiers
 * (reference section 1). A server answers in the version the client used.
 */
public enum CspVersion {
    V1_1("1.1", 0x10, "-//WIRELESSVILLAGE//DTD CSP 1.1//EN",
            "http://www.wireless-village.org/CSP", "http://www.wireless-village.org/TRC", "http://www.wireless-village.org/PA"),
    V1_2("1.2", 0x11, "-//OMA//DTD WV-CSP 1.2//EN",
            "http://www.openmobilealliance.org/DTD/WV-CSP", "http://www.openmobilealliance.org/DTD/WV-TRC",
            "http://www.openmobilealliance.org/DTD/WV-PA");

    private final String label;
    private final int wbxmlPublicId;
    private final String publicId;
    private final String cspPrefix;
    private final String trcPrefix;
    private final String paPrefix;

    CspVersion(String label, int wbxmlPublicId, String publicId, String csp, String trc, String pa) {
        this.label = label;
        this.wbxmlPublicId = wbxmlPublicId;
        this.publicId = publicId;
        this.cspPrefix = csp;
        this.trcPrefix = trc;
        this.paPrefix = pa;
    }

    /** "1.1" or "1.2": the namespace suffix and the version in a CIR {@code WVCI} line. */
    public String label() {
        return label;
    }

    /** The WBXML public identifier: 0x10 for 1.1, 0x11 for 1.2. */
    public int wbxmlPublicId() {
        return wbxmlPublicId;
    }

    /** The XML public identifier of the DTD. */
    public String publicId() {
        return publicId;
    }

    /** Namespace of {@code WV-CSP-Message}. */
    public String cspNamespace() {
        return cspPrefix + label;
    }

    /** Namespace of {@code TransactionContent}. */
    public String trcNamespace() {
        return trcPrefix + label;
    }

    /** Namespace of {@code PresenceSubList}. */
    public String paNamespace() {
        return paPrefix + label;
    }

    /** The version of a {@code WV-CSP-Message} namespace, or {@code null} if it is not 1.1 or 1.2. */
    public static CspVersion ofCspNamespace(String ns) {
        if (V1_2.cspNamespace().equals(ns)) {
            return V1_2;
        }
        if (V1_1.cspNamespace().equals(ns)) {
            return V1_1;
        }
        return null;
    }

    /** The version of a label "1.1" / "1.2", or {@code null}. */
    public static CspVersion ofLabel(String label) {
        if ("1.2".equals(label)) {
            return V1_2;
        }
        if ("1.1".equals(label)) {
            return V1_1;
        }
        return null;
    }
}
