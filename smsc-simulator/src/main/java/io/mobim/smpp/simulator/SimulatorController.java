package io.mobim.smpp.simulator;

import io.mobim.events.sms.SmsAddresses;
import io.mobim.smpp.codec.MessageTooLongException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The simulated handsets over HTTP: {@code POST /api/v1/simulator/mo} sends an SMS to a short code,
 * {@code GET /api/v1/simulator/mt?msisdn=...} lists what a handset received.
 */
@RestController
@RequestMapping("/api/v1/simulator")
public class SimulatorController {

    /** An SMS typed on a handset. */
    public record MoRequest(String from, String to, String text) {
    }

    /** One MT as the handset shows it. */
    public record MtView(String from, String to, String text, int parts, List<String> messageIds, Instant receivedAt) {
    }

    private final SmscSimulator simulator;

    public SimulatorController(SmscSimulator simulator) {
        this.simulator = simulator;
    }

    /**
     * 200 when the gateway acknowledged every part within 5 s, 202 when it is still being delivered (the
     * simulator keeps retrying, as an SMS-C does), 400 for a bad number, short code or text.
     */
    @PostMapping("/mo")
    public ResponseEntity<Map<String, Object>> mo(@RequestBody MoRequest request) throws InterruptedException {
        if (request == null) {
            throw new IllegalArgumentException("body is required");
        }
        SmsAddresses.requireE164(request.from(), "from");
        SmsAddresses.requireShortCode(request.to(), "to");
        if (request.text() == null || request.text().isEmpty()) {
            throw new IllegalArgumentException("text is required");
        }
        var delivery = simulator.injectMo(request.from(), request.to(), request.text());
        try {
            delivery.get(5, TimeUnit.SECONDS);
            return ResponseEntity.ok(Map.of("status", "ACKNOWLEDGED"));
        } catch (TimeoutException e) {
            return ResponseEntity.accepted().body(Map.of("status", "QUEUED"));
        } catch (ExecutionException e) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .body(Map.of("status", "NOT_DELIVERED", "reason", String.valueOf(e.getCause())));
        }
    }

    @GetMapping("/mt")
    public List<MtView> mt(@RequestParam String msisdn) {
        return simulator.messagesTo(msisdn).stream()
                .map(m -> new MtView(m.from(), m.to(), m.text(), m.parts(), m.messageIds(), m.receivedAt()))
                .toList();
    }

    @ExceptionHandler({IllegalArgumentException.class, MessageTooLongException.class})
    public ProblemDetail badRequest(IllegalArgumentException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setType(URI.create("urn:mobim:problem:simulator-bad-request"));
        problem.setTitle("Bad simulated SMS");
        return problem;
    }
}
