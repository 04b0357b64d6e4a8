package io.mobim.platform.wv.session;

import io.mobim.wv.StatusCode;

/** Why a CSP session ended ({@code im.wv_session.end_reason}), and what a client still using it is told. */
public enum SessionEnd {
    /** The client logged out: its session id is unknown from then on. */
    LOGGED_OUT(StatusCode.INVALID_SESSION),
    /** It was silent for longer than its KeepAliveTime. */
    EXPIRED(StatusCode.SESSION_EXPIRED),
    /** A newer login of the same subscriber ended it ({@code mobim.wv.force-logout-older}). */
    FORCED_OUT(StatusCode.FORCED_LOGOUT);

    private final StatusCode status;

    SessionEnd(StatusCode status) {
        this.status = status;
    }

    /** The status a request in the ended session gets. */
    public StatusCode status() {
        return status;
    }
}
