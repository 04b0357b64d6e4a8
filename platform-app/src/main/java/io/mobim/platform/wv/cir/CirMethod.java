package io.mobim.platform.wv.cir;

/** The CSP {@code SupportedCIRMethod} values this server can wake a client by. */
public enum CirMethod {
    /** Standing TCP: the client keeps a connection open (HELO, PING) and is sent a WVCI line. */
    STCP(false),
    /** WAP push over SMS: a binary SMS to the WAP push port, content type application/vnd.wv.csp.cir. */
    WAPSMS(true),
    /** A plain SMS whose text is the WVCI line. */
    SSMS(true);

    private final boolean sms;

    CirMethod(boolean sms) {
        this.sms = sms;
    }

    /** Whether a wake costs an SMS. */
    public boolean sms() {
        return sms;
    }

    /** The method a client names (case as clients send it varies), or null for one not served. */
    static CirMethod of(String name) {
        if (name == null) {
            return null;
        }
        for (CirMethod m : values()) {
            if (m.name().equalsIgnoreCase(name.strip())) {
                return m;
            }
        }
        return null;
    }
}
