package io.mobim.platform.wv;

import io.mobim.wv.StatusCode;
import io.mobim.wv.model.DetailedResult;
import io.mobim.wv.model.Result;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a request naming several users (or groups, or messages) could not do for some of them, grouped by status: the
 * {@code Result} of its answer. 200 when nothing failed, 201 with a {@code DetailedResult} per status when something
 * was done, else that one status (or 900 for several).
 */
public final class Failures {

    /** What a detailed result names. */
    public enum Kind { USER, GROUP, MESSAGE, CONTACT_LIST }

    private record Key(StatusCode status, Kind kind) {
    }

    private final Map<Key, List<String>> ids = new LinkedHashMap<>();
    private final Map<Key, String> descriptions = new LinkedHashMap<>();

    /** A user the request could not be done for. */
    public void add(StatusCode status, String description, String userId) {
        add(status, Kind.USER, description, userId);
    }

    public void add(StatusCode status, Kind kind, String description, String id) {
        Key key = new Key(status, kind);
        ids.computeIfAbsent(key, k -> new ArrayList<>()).add(id);
        descriptions.putIfAbsent(key, description);
    }

    /** A {@link CspFault} for one user. */
    public void add(CspFault fault, String userId) {
        add(fault.status(), fault.getMessage(), userId);
    }

    public boolean isEmpty() {
        return ids.isEmpty();
    }

    /** The Result: {@code anyDone} says whether the request did something for someone. */
    public Result result(boolean anyDone) {
        if (ids.isEmpty()) {
            return Result.of(StatusCode.SUCCESSFUL);
        }
        List<DetailedResult> details = new ArrayList<>();
        ids.forEach((key, list) -> details.add(new DetailedResult(key.status().code(), descriptions.get(key),
                key.kind() == Kind.USER ? list : List.of(), key.kind() == Kind.GROUP ? list : List.of(), List.of(),
                key.kind() == Kind.MESSAGE ? list : List.of(), key.kind() == Kind.CONTACT_LIST ? list : List.of(), List.of())));
        if (anyDone) {
            return new Result(StatusCode.PARTIALLY_SUCCESSFUL.code(), StatusCode.PARTIALLY_SUCCESSFUL.meaning(), details);
        }
        if (ids.size() == 1) {
            Key only = ids.keySet().iterator().next();
            return new Result(only.status().code(), descriptions.get(only), details);
        }
        return new Result(StatusCode.MULTIPLE_ERRORS.code(), StatusCode.MULTIPLE_ERRORS.meaning(), details);
    }
}
