package io.mobim.platform.wv;

import io.mobim.wv.StatusCode;
import io.mobim.wv.model.Result;

/**
 * A request that can be answered only with a CSP status: the dispatcher turns it into a {@code <Status>} (inside
 * HTTP 200, as clients expect) with the code and a description that is safe to show (no message content).
 */
public final class CspFault extends RuntimeException {

    private final StatusCode status;

    public CspFault(StatusCode status, String description) {
        super(description, null, false, false);
        this.status = status;
    }

    public StatusCode status() {
        return status;
    }

    /** The {@code <Result>} to answer with. */
    public Result result() {
        return Result.of(status.code(), getMessage() == null ? status.meaning() : getMessage());
    }
}
