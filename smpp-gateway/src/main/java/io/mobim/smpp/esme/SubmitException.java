package io.mobim.smpp.esme;

/**
 * A submit_sm that the SMS-C did not accept. {@link #transientFailure()} says whether trying the same part
 * again later can succeed (throttled, queue full, not bound, timeout); {@link #uncertain()} says that the
 * PDU may have reached the SMS-C without its answer reaching us (response timeout), so a retry may
 * duplicate it.
 */
public class SubmitException extends Exception {

    /** Why a submit failed. */
    public enum Reason {
        /** No transmitter bound on any link. */
        NOT_BOUND,
        /** ESME_RTHROTTLED (0x58) or ESME_RMSGQFUL (0x14). */
        THROTTLED,
        /** The send window or the throughput limit did not free up in time. */
        BUSY,
        /** A temporary error status (ESME_RSYSERR and the like). */
        TEMPORARY,
        /** No submit_sm_resp in time, or the connection broke while waiting: the outcome is unknown. */
        NO_RESPONSE,
        /** A permanent error status, or a PDU that cannot be built. */
        PERMANENT
    }

    private final Reason reason;
    private final int commandStatus;

    public SubmitException(Reason reason, int commandStatus, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.commandStatus = commandStatus;
    }

    public Reason reason() {
        return reason;
    }

    /** The SMPP command_status, or -1 when there was no response. */
    public int commandStatus() {
        return commandStatus;
    }

    /** {@code 0x00000058} style, or null when there was no status. */
    public String statusCode() {
        return commandStatus < 0 ? null : String.format("0x%08X", commandStatus);
    }

    public boolean transientFailure() {
        return reason != Reason.PERMANENT;
    }

    public boolean uncertain() {
        return reason == Reason.NO_RESPONSE;
    }
}
