package io.mobim.platform.deadletters;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's view of the dead-letter topics ({@code /api/v1/admin/dead-letters}, role OPERATOR_ADMIN like all of
 * {@code /api/v1/**}): how many records each holds, and a replay of a topic, or of a range of one partition's
 * offsets, onto the original topic. See docs/operations.md, "Dead letters".
 */
@RestController
@RequestMapping(DeadLetterController.PATH)
@Tag(name = "dead-letters", description = "Records the consumers could not handle: counts and replay")
class DeadLetterController {

    static final String PATH = "/api/v1/admin/dead-letters";

    private final DeadLetterTopics topics;

    DeadLetterController(DeadLetterTopics topics) {
        this.topics = topics;
    }

    /**
     * What to replay; every field optional.
     *
     * @param partition one partition of the dead-letter topic (default: all)
     * @param fromOffset the first offset to replay (default: the earliest the topic keeps)
     * @param toOffset the offset to stop before (default: the end as of the request)
     */
    record ReplayRequest(@Min(0) Integer partition, @Min(0) Long fromOffset, @Min(1) Long toOffset) {
    }

    @GetMapping
    @Operation(summary = "Count the records of every dead-letter topic")
    List<DeadLetterTopics.Count> counts() {
        return topics.counts();
    }

    @GetMapping("/{topic}")
    @Operation(summary = "Count the records of one dead-letter topic, per partition")
    DeadLetterTopics.Count count(@PathVariable String topic) {
        return topics.count(topic);
    }

    @PostMapping("/{topic}/replay")
    @Operation(summary = "Replay a dead-letter topic (or a range of one partition) onto its original topic",
            description = "Same key, value and headers, plus mobim_replayed_from; consumers dedupe by event id. "
                    + "At most mobim.dead-letters.max-replay records per request: complete=false says to go on from each 'to'.")
    DeadLetterTopics.Replay replay(@PathVariable String topic, @Valid @RequestBody(required = false) ReplayRequest request) {
        ReplayRequest r = request == null ? new ReplayRequest(null, null, null) : request;
        return topics.replay(topic, r.partition(), r.fromOffset(), r.toOffset());
    }

    @ExceptionHandler(DeadLetterTopics.UnknownDeadLetterTopic.class)
    ProblemDetail unknown(DeadLetterTopics.UnknownDeadLetterTopic e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        p.setTitle("No such dead-letter topic");
        return p;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalid(IllegalArgumentException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        p.setTitle("Invalid replay");
        return p;
    }

    @ExceptionHandler(IllegalStateException.class)
    ProblemDetail unavailable(IllegalStateException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        p.setTitle("Kafka did not answer in time");
        return p;
    }
}
