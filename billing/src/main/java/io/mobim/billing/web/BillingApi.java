package io.mobim.billing.web;

import io.mobim.events.Msisdn;
import io.mobim.billing.account.Account;
import io.mobim.billing.account.AccountService;
import io.mobim.billing.plan.PlanDefinitions;
import io.mobim.billing.plan.PlanService;
import io.mobim.billing.plan.TariffCatalog;
import io.mobim.billing.plan.TariffPlanVersion;
import io.mobim.billing.rating.RatingOutcome;
import io.mobim.billing.rating.RatingService;
import io.mobim.billing.rating.RejectReason;
import io.mobim.billing.rating.RejectedEvent;
import io.mobim.billing.rating.RejectedEventStore;
import io.mobim.billing.rating.RerateService;
import io.mobim.billing.reconciliation.ReconciliationCsv;
import io.mobim.billing.reconciliation.ReconciliationReport;
import io.mobim.billing.reconciliation.ReconciliationService;
import io.mobim.billing.reconciliation.ThreeWayReconciliation;
import io.mobim.billing.records.Bill;
import io.mobim.billing.records.BillService;
import io.mobim.billing.records.RatedRecord;
import io.mobim.billing.records.RecordsCsv;
import io.mobim.events.charging.ChargingEvent;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
 * The billing API ({@code /api/v1/billing}). Read endpoints are for the billing role and the operator admin;
 * writes (accounts, plan versions, recycle, re-rate) for the billing role only. Security is applied by the app.
 * MSISDNs are E.164; in a query string write the '+' as {@code %2B} (a bare number is read as if it had the '+').
 */
@RestController
@RequestMapping("/api/v1/billing")
public class BillingApi {

    public static final String TEXT_CSV = "text/csv";

    private final BillService bills;
    private final ReconciliationService reconciliation;
    private final PlanService plans;
    private final AccountService accounts;
    private final RatingService rating;
    private final RerateService rerating;
    private final RejectedEventStore rejections;

    public BillingApi(BillService bills, ReconciliationService reconciliation, PlanService plans, AccountService accounts,
            RatingService rating, RerateService rerating, RejectedEventStore rejections) {
        this.bills = bills;
        this.reconciliation = reconciliation;
        this.plans = plans;
        this.accounts = accounts;
        this.rating = rating;
        this.rerating = rerating;
        this.rejections = rejections;
    }

    // ---- rated records and bills

    @GetMapping(path = "/records", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<RatedRecord> records(@RequestParam String msisdn, @RequestParam String period,
            @RequestParam(defaultValue = "false") boolean allVersions) {
        return bills.records(msisdn(msisdn), period(period), allVersions);
    }

    @GetMapping(path = "/records", produces = TEXT_CSV)
    public ResponseEntity<String> recordsCsv(@RequestParam String msisdn, @RequestParam String period,
            @RequestParam(defaultValue = "false") boolean allVersions) {
        String p = period(period);
        return csv(RecordsCsv.write(bills.records(msisdn(msisdn), p, allVersions)), "rated-records-" + p + ".csv");
    }

    @GetMapping(path = "/bills/{msisdn}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Bill bill(@PathVariable String msisdn, @RequestParam String period) {
        return bills.bill(msisdn(msisdn), period(period));
    }

    // ---- reconciliation

    @GetMapping(path = "/reconciliation/{day}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ReconciliationReport reconciliation(@PathVariable LocalDate day) {
        return reconciliation.report(day, null, null);
    }

    /** The day's report as CSV, written to the response as it is produced rather than built as one string first. */
    @GetMapping(path = "/reconciliation/{day}", produces = TEXT_CSV)
    public void reconciliationCsv(@PathVariable LocalDate day, HttpServletResponse response) throws IOException {
        ReconciliationReport report = reconciliation.report(day, null, null); // before the status is sent: errors stay problems
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"reconciliation-" + day + ".csv\"");
        ReconciliationCsv.write(report, response.getWriter());
    }

    /** Extracts from the platform's message log and/or the SMS gateway to compare against (either may be null). */
    public record Extracts(List<ThreeWayReconciliation.LogEntry> log, List<ThreeWayReconciliation.GatewayEntry> gateway) {
    }

    @PostMapping(path = "/reconciliation/{day}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ReconciliationReport reconcileWith(@PathVariable LocalDate day, @RequestBody Extracts extracts) {
        return reconciliation.report(day, extracts.log(), extracts.gateway());
    }

    // ---- tariff plans

    @GetMapping(path = "/plans", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, List<TariffPlanVersion>> plans() {
        TariffCatalog catalog = plans.catalog();
        Map<String, List<TariffPlanVersion>> out = new LinkedHashMap<>();
        catalog.planIds().forEach(id -> out.put(id, catalog.versions(id)));
        return out;
    }

    @GetMapping(path = "/plans/{planId}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<List<TariffPlanVersion>> plan(@PathVariable String planId) {
        List<TariffPlanVersion> versions = plans.catalog().versions(planId);
        return versions.isEmpty() ? ResponseEntity.notFound().build() : ResponseEntity.ok(versions);
    }

    /** Adds the next version of a plan (JSON as in the seed file). Re-rate affected periods afterwards. */
    @PostMapping(path = "/plans/{planId}/versions", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<TariffPlanVersion> addPlanVersion(@PathVariable String planId, @RequestBody byte[] body) {
        TariffPlanVersion version = PlanDefinitions.readOne(body);
        if (!version.planId().equals(planId)) {
            throw new IllegalArgumentException("body is for plan " + version.planId() + ", not " + planId);
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(plans.addVersion(version));
    }

    // ---- accounts

    /** A subscriber's plan from an instant on. */
    public record AccountRow(String msisdn, Instant validFrom, String planId, String source, Instant updatedAt) {
        static AccountRow of(Account a) {
            return new AccountRow(a.msisdn(), a.validFrom(), a.planId(), a.source().name(), a.updatedAt());
        }
    }

    /** Body of PUT /accounts/{msisdn}: the plan, from {@code validFrom} (default: the epoch, i.e. always). */
    public record AccountChange(String planId, Instant validFrom) {
    }

    @PutMapping(path = "/accounts/{msisdn}", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<AccountRow> putAccount(@PathVariable String msisdn, @RequestBody AccountChange change) {
        if (change == null || change.planId() == null) {
            throw new IllegalArgumentException("planId is required");
        }
        String m = msisdn(msisdn);
        accounts.assign(m, change.planId(), change.validFrom() == null ? Instant.EPOCH : change.validFrom());
        return accounts.history(m).stream().map(AccountRow::of).toList();
    }

    @GetMapping(path = "/accounts/{msisdn}", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<AccountRow> account(@PathVariable String msisdn) {
        return accounts.history(msisdn(msisdn)).stream().map(AccountRow::of).toList();
    }

    // ---- rejected events, recycle, re-rate

    /** A rejected event as listed to the billing team. */
    public record Rejection(UUID eventId, String msisdn, Instant eventTime, LocalDate businessDay, String reasonCode,
            String reason, int attempts, String status) {
        static Rejection of(RejectedEvent r) {
            return new Rejection(r.eventId(), r.msisdn(), r.eventTime(), r.businessDay(), r.reasonCode().name(), r.reason(),
                    r.attempts(), r.status());
        }
    }

    @GetMapping(path = "/rejected", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<Rejection> rejected(@RequestParam(required = false) String msisdn,
            @RequestParam(required = false) RejectReason reason, @RequestParam(defaultValue = "1000") int limit) {
        return rejections.open(msisdn == null ? null : msisdn(msisdn), reason, limit(limit)).stream().map(Rejection::of).toList();
    }

    @PostMapping(path = "/rejected/recycle", produces = MediaType.APPLICATION_JSON_VALUE)
    public RatingOutcome recycle(@RequestParam(required = false) String msisdn,
            @RequestParam(required = false) RejectReason reason, @RequestParam(defaultValue = "10000") int limit) {
        return rating.recycle(msisdn == null ? null : msisdn(msisdn), reason, limit(limit));
    }

    @PostMapping(path = "/rerate", produces = MediaType.APPLICATION_JSON_VALUE)
    public RerateService.Result rerate(@RequestParam String period, @RequestParam(required = false) String msisdn) {
        return rerating.rerate(period(period), msisdn == null ? null : msisdn(msisdn));
    }

    // ---- helpers

    static String msisdn(String raw) {
        String m = raw == null ? "" : raw.strip();
        if (!m.isEmpty() && Character.isDigit(m.charAt(0))) {
            m = "+" + m;              // a '+' sent unencoded in a query string arrives as a space
        }
        if (!Msisdn.isE164(m)) {
            throw new IllegalArgumentException("msisdn must be E.164 (+ and 7 to 15 digits)");
        }
        return m;
    }

    static String period(String raw) {
        return YearMonth.parse(raw).toString();
    }

    private static int limit(int limit) {
        if (limit < 1 || limit > 100_000) {
            throw new IllegalArgumentException("limit must be 1..100000");
        }
        return limit;
    }

    private static ResponseEntity<String> csv(String body, String filename) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .body(body);
    }
}
