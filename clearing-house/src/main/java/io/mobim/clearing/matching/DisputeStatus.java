package io.mobim.clearing.matching;

/** Where a dispute stands. */
public enum DisputeStatus {
    /** Held out of netting until an operator decides (stored as message status DISPUTED). */
    OPEN,
    /** Accepted for settlement with the units the operators agreed: settled in the next statement. */
    RESOLVED,
    /** Given up: never settled. */
    WRITTEN_OFF;

    /** The message status this dispute status is stored as. */
    public String messageStatus() {
        return this == OPEN ? "DISPUTED" : name();
    }

    static DisputeStatus ofMessageStatus(String status) {
        return "DISPUTED".equals(status) ? OPEN : valueOf(status);
    }
}
