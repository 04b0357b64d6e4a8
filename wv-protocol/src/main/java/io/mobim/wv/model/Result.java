package io.mobim.wv.model;

import io.mobim.wv.StatusCode;
import java.util.List;

/**
 * A CSP structure, carried in several primitives.
 *
 * @param code {@code <Code>}, or {@code null} when absent
 * @param description {@code <Description>}, or {@code null} when absent
 * @param detailedResults {@code <DetailedResult>}, repeated
 */
public record Result(Integer code, String description, List<DetailedResult> detailedResults) {
    public Result {
        detailedResults = Lists.copy(detailedResults);
    }

    /** A result with the status's number and meaning as description. */
    public static Result of(StatusCode status) {
        return new Result(status.code(), status.meaning(), List.of());
    }

    /** A result with a number and description. */
    public static Result of(int code, String description) {
        return new Result(code, description, List.of());
    }

    /** The known status for {@link #code()}, or {@code null} (unknown or absent code). */
    public StatusCode status() {
        return code == null ? null : StatusCode.of(code);
    }
}
