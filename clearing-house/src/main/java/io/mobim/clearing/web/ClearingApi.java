package io.mobim.clearing.web;

import io.mobim.clearing.agreement.Agreement;
import io.mobim.clearing.agreement.AgreementJson;
import io.mobim.clearing.agreement.AgreementService;
import io.mobim.clearing.agreement.ExchangeRates;
import io.mobim.clearing.agreement.SettlementPeriod;
import io.mobim.clearing.ingest.IngestService;
import io.mobim.clearing.job.Job;
import io.mobim.clearing.job.JobService;
import io.mobim.clearing.matching.Dispute;
import io.mobim.clearing.matching.DisputeService;
import io.mobim.clearing.matching.DisputeStatus;
import io.mobim.clearing.matching.MatchingService;
import io.mobim.clearing.settlement.SettlementService;
import io.mobim.clearing.settlement.Statement;
import io.mobim.clearing.settlement.StatementCsv;
import io.mobim.clearing.settlement.StatementStore;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The clearing house API ({@code /api/v1/clearing}): record uploads, agreements, matching runs, disputes, settlement
 * runs and statements (JSON and CSV). Long runs answer 202 with a job to follow. Security is applied by the app: every
 * route belongs to the clearing role (reads also to the operator admin).
 */
@RestController
@RequestMapping("/api/v1/clearing")
public class ClearingApi {

    public static final String TEXT_CSV = "text/csv";

    private final IngestService ingest;
    private final AgreementService agreements;
    private final ExchangeRates exchangeRates;
    private final MatchingService matching;
    private final DisputeService disputes;
    private final SettlementService settlement;
    private final StatementStore statements;
    private final JobService jobs;

    public ClearingApi(IngestService ingest, AgreementService agreements, ExchangeRates exchangeRates, MatchingService matching,
            DisputeService disputes, SettlementService settlement, StatementStore statements, JobService jobs) {
        this.exchangeRates = exchangeRates;
        this.ingest = ingest;
        this.agreements = agreements;
        this.matching = matching;
        this.disputes = disputes;
        this.settlement = settlement;
        this.statements = statements;
        this.jobs = jobs;
    }

    // ---- records

    /**
     * Imports an operator's CSV file of inter-operator records (header {@code record_id,side,...}, see docs/clearing.md):
     * all of it, or, if any line is refused, none of it (422 with every refused line's number and reason).
     */
    @PostMapping(path = "/records", consumes = {TEXT_CSV, MediaType.TEXT_PLAIN_VALUE}, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<?> upload(@RequestBody byte[] csv) {
        IngestService.UploadResult result = ingest.upload(new InputStreamReader(new java.io.ByteArrayInputStream(csv),
                StandardCharsets.UTF_8));
        if (result.accepted()) {
            return ResponseEntity.ok(result);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, result.rejectedLines()
                + " line(s) refused; nothing of the file was imported");
        problem.setTitle("Upload refused");
        problem.setProperty("lines", result.lines());
        problem.setProperty("rejectedLines", result.rejectedLines());
        problem.setProperty("rejected", result.rejected());
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    // ---- agreements

    @GetMapping(path = "/agreements", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<Agreement> agreements() {
        return agreements.all();
    }

    @GetMapping(path = "/agreements/{agreementId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<Agreement> agreement(@PathVariable String agreementId) {
        List<Agreement> versions = agreements.versions(agreementId);
        if (versions.isEmpty()) {
            throw new NoSuchElementException("no agreement " + agreementId);
        }
        return versions;
    }

    /**
     * Publishes a day's reference exchange rates ({@code {"quoteCurrency": "EUR", "source": "GSER", "rates": {"GBP":
     * "1.1537"}}}), which agreements with fxRule PERIOD_END settle with; a day published again is corrected.
     */
    @PutMapping(path = "/exchange-rates/{date}", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Map<String, BigDecimal>> publishRates(@PathVariable LocalDate date, @RequestBody byte[] body) {
        exchangeRates.publish(AgreementJson.read(body, ExchangeRates.Rates.class).on(date));
        return exchangeRates.on(date);
    }

    /** The rates published for a day, by quote currency. */
    @GetMapping(path = "/exchange-rates/{date}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Map<String, BigDecimal>> rates(@PathVariable LocalDate date) {
        return exchangeRates.on(date);
    }

    /** Adds the next version of an agreement (its first, if new): the terms as JSON. */
    @PostMapping(path = "/agreements/{agreementId}/versions", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Agreement> addVersion(@PathVariable String agreementId, @RequestBody byte[] body) {
        Agreement added = agreements.addVersion(agreementId, AgreementJson.read(body));
        return ResponseEntity.created(URI.create("/api/v1/clearing/agreements/" + agreementId)).body(added);
    }

    // ---- matching and disputes

    /** Starts a matching run; {@code cutoff} (default: now less the other side's wait) ends the wait of one-sided messages. */
    @PostMapping(path = "/matching-runs", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Job> match(@RequestParam(required = false) Instant cutoff) {
        return accepted(jobs.start("MATCHING", p -> cutoff == null ? matching.run(p) : matching.run(cutoff, p)));
    }

    @GetMapping(path = "/disputes", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<Dispute> disputes(@RequestParam(required = false) String agreementId,
            @RequestParam(required = false) DisputeStatus status, @RequestParam(defaultValue = "1000") int limit) {
        if (limit < 1 || limit > 100_000) {
            throw new IllegalArgumentException("limit must be 1..100000");
        }
        return disputes.list(agreementId, status, limit);
    }

    @GetMapping(path = "/disputes/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Dispute dispute(@PathVariable long id) {
        return disputes.get(id);
    }

    /** Body of a decision on a dispute: the units to settle (resolve only; default the originating side's) and a note. */
    public record Decision(Integer units, String note) {
    }

    @PostMapping(path = "/disputes/{id}/resolve", produces = MediaType.APPLICATION_JSON_VALUE)
    public Dispute resolve(@PathVariable long id, @RequestBody(required = false) Decision decision) {
        return disputes.resolve(id, decision == null ? null : decision.units(), decision == null ? null : decision.note());
    }

    @PostMapping(path = "/disputes/{id}/write-off", produces = MediaType.APPLICATION_JSON_VALUE)
    public Dispute writeOff(@PathVariable long id, @RequestBody(required = false) Decision decision) {
        if (decision != null && decision.units() != null) {
            throw new IllegalArgumentException("a write-off settles no units");
        }
        return disputes.writeOff(id, decision == null ? null : decision.note());
    }

    // ---- settlement

    /** What a settlement job produced, per statement. */
    public record StatementSummary(long id, String agreementId, String period, String status, String currency,
            BigDecimal grossAToB, BigDecimal grossBToA, BigDecimal netAmount, String netPayer, long messages, long withheldMessages) {
        static StatementSummary of(Statement s) {
            return new StatementSummary(s.id(), s.agreementId(), s.period(), s.status().name(), s.currency().getCurrencyCode(),
                    s.grossAToB(), s.grossBToA(), s.netAmount(), s.netPayer(), s.controlTotals().messages(),
                    s.controlTotals().withheldMessages());
        }
    }

    /**
     * Starts settling {@code period} ({@code 2026-10}, or {@code 2026-W41} for weekly agreements) for one agreement or,
     * without {@code agreementId}, every agreement valid in it: drafts, or closed statements with {@code close=true}.
     */
    @PostMapping(path = "/settlements", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Job> settle(@RequestParam String period, @RequestParam(required = false) String agreementId,
            @RequestParam(defaultValue = "false") boolean close) {
        // a period the agreements do not name is refused here, not in the job
        if (agreementId == null) {
            SettlementPeriod.named(period).parse(period);
        } else {
            List<Agreement> versions = agreements.versions(agreementId);
            if (versions.isEmpty()) {
                throw new NoSuchElementException("no agreement " + agreementId);
            }
            versions.get(0).terms().settlementPeriod().parse(period);
        }
        return accepted(jobs.start("SETTLEMENT", p -> (agreementId == null ? settlement.settleAll(period, close, p)
                : List.of(settlement.settle(agreementId, period, close, p))).stream().map(StatementSummary::of).toList()));
    }

    @GetMapping(path = "/jobs/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Job job(@PathVariable UUID id) {
        return jobs.get(id);
    }

    @GetMapping(path = "/statements", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<StatementSummary> statements(@RequestParam(required = false) String agreementId,
            @RequestParam(required = false) String period) {
        return statements.list(agreementId, period).stream().map(StatementSummary::of).toList();
    }

    @GetMapping(path = "/statements/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Statement statement(@PathVariable long id) {
        return statements.get(id).orElseThrow(() -> new NoSuchElementException("no statement " + id));
    }

    @GetMapping(path = "/statements/{id}", produces = TEXT_CSV)
    public ResponseEntity<String> statementCsv(@PathVariable long id) {
        Statement s = statement(id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"statement-" + s.agreementId() + "-" + s.period() + "-"
                        + s.status().name().toLowerCase(java.util.Locale.ROOT) + ".csv\"")
                .body(StatementCsv.write(s));
    }

    private static ResponseEntity<Job> accepted(Job job) {
        return ResponseEntity.accepted().location(URI.create("/api/v1/clearing/jobs/" + job.id())).body(job);
    }
}
