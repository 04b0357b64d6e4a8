package io.mobim.clearing.job;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A long run (matching, settlement) as its caller follows it: {@code GET /api/v1/clearing/jobs/{id}}.
 *
 * @param phase  what it is doing now (or did last)
 * @param done   steps done, out of {@code total}
 * @param result what it produced, once SUCCEEDED
 * @param error  why it failed, once FAILED
 * @param owner  the clearing instance running it
 */
public record Job(UUID id, String kind, JobStatus status, String phase, int done, int total, JsonNode result, String error,
        Instant startedAt, Instant finishedAt, String owner) {
}
