package io.mobim.platform.security;

/** The roles of the HTTP APIs. */
public final class ApiRoles {
    /** The operator's administrators: provisioning, and read access to everything. */
    public static final String OPERATOR_ADMIN = "OPERATOR_ADMIN";
    /** The operator's billing team: billing records, reconciliation, plans. */
    public static final String BILLING = "BILLING";
    /**
     * Billing's reconciliation reading the IM core's message log in the same process (the all-in-one runtime):
     * {@code GET /api/v1/messages/log/**} only.
     */
    public static final String MESSAGE_LOG_READER = "MESSAGE_LOG_READER";

    /** The clearing house's team: inter-operator records, agreements, disputes, settlement statements. */
    public static final String CLEARING = "CLEARING";
    /** A metrics scraper: {@code /actuator/prometheus} only. */
    public static final String METRICS = "METRICS";

    private ApiRoles() {
    }
}
