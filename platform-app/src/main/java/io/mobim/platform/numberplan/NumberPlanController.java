package io.mobim.platform.numberplan;

import io.mobim.events.Msisdn;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The number plan's admin API (operator admin): prefix ranges per operator, the ported-numbers import from the
 * operator's portability export, and a lookup that says where a number routes.
 */
@RestController
@ConditionalOnBooleanProperty("mobim.role.im.enabled")
@RequestMapping(path = "/api/v1/number-plan", produces = MediaType.APPLICATION_JSON_VALUE)
class NumberPlanController {

    static final String TEXT_CSV = "text/csv";

    private final NumberPlan plan;

    NumberPlanController(NumberPlan plan) {
        this.plan = plan;
    }

    @GetMapping("/prefixes")
    List<NumberPlan.Range> ranges() {
        return plan.ranges();
    }

    /** {@code PUT /prefixes/+4477} with {@code {"operator":"GBRVF"}}: the range is that operator's. */
    @PutMapping(path = "/prefixes/{prefix}", consumes = MediaType.APPLICATION_JSON_VALUE)
    NumberPlan.Range assign(@PathVariable String prefix, @RequestBody RangeRequest request) {
        return plan.assign(prefix, request.operator());
    }

    @DeleteMapping("/prefixes/{prefix}")
    ResponseEntity<Void> remove(@PathVariable String prefix) {
        return plan.remove(prefix) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }

    /**
     * Imports a portability export ({@code msisdn,operator[,ported_at]}): all of it, or, if any line is refused, none
     * of it (422 with every refused line's number and reason).
     */
    @PostMapping(path = "/ported", consumes = {TEXT_CSV, MediaType.TEXT_PLAIN_VALUE})
    ResponseEntity<?> importPorted(@RequestBody byte[] csv) {
        PortedNumbersCsv.Parsed parsed = PortedNumbersCsv.read(new InputStreamReader(new ByteArrayInputStream(csv), StandardCharsets.UTF_8));
        if (!parsed.rejections().isEmpty()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                    parsed.rejections().size() + " line(s) refused; nothing of the file was imported");
            problem.setTitle("Import refused");
            problem.setProperty("lines", parsed.lines());
            problem.setProperty("rejectedLines", parsed.rejections().size());
            problem.setProperty("rejected", parsed.rejections());
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        int imported = plan.importPorted(parsed.numbers());
        return ResponseEntity.ok(Map.of("lines", parsed.lines(), "imported", imported, "portedNumbers", plan.portedCount()));
    }

    @DeleteMapping("/ported/{msisdn}")
    ResponseEntity<Void> removePorted(@PathVariable String msisdn) {
        return plan.removePorted(Msisdn.of(msisdn)) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }

    /** Where {@code msisdn} routes: its operator, whether it is this operator's and whether it was ported. */
    @GetMapping("/lookup")
    ResponseEntity<?> lookup(@RequestParam String msisdn) {
        Msisdn number = Msisdn.of(msisdn);
        return plan.operatorOf(number)
                .<ResponseEntity<?>>map(op -> ResponseEntity.ok(Map.of("msisdn", number.value(), "operator", op,
                        "home", op.equals(plan.homeOperator()), "ported", plan.ported(number).isPresent())))
                .orElseGet(() -> problem(HttpStatus.NOT_FOUND, "No operator", "no prefix range or ported entry covers " + number.masked()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> invalid(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid number plan data", e.getMessage());
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    record RangeRequest(String operator) {
    }
}
