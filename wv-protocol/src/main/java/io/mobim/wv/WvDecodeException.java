package io.mobim.wv;

/**
 * The only exception a decoder throws: the body could not be read as a CSP message.
 * It carries the CSP status to answer with (400 malformed, 415 not a WV body or an unsupported
 * charset, 505 unsupported CSP version, 501 a primitive this codec does not model) and a reason
 * that is safe to log (no message content).
 */
public final class WvDecodeException extends Exception {

    private static final long serialVersionUID = 1L;

    private final StatusCode status;

    public WvDecodeException(StatusCode status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }

    /** Shortcut for a 400 Bad request. */
    public static WvDecodeException badRequest(String reason) {
        return new WvDecodeException(StatusCode.BAD_REQUEST, reason);
    }

    /** The CSP status to answer with. */
    public StatusCode status() {
        return status;
    }

    /** The reason, without the status. */
    public String reason() {
        return getMessage();
    }

    @Override
    public String toString() {
        return status.code() + " " + status.meaning() + ": " + getMessage();
    }
}
