package io.mobim.platform.console;

import io.mobim.billing.BillingProperties;
import io.mobim.billing.records.BillService;
import io.mobim.billing.records.RecordFilter;
import io.mobim.billing.records.RecordPage;
import io.mobim.billing.reconciliation.ReconciliationReport;
import io.mobim.billing.web.BillingApi;
import io.mobim.events.Msisdn;
import io.mobim.events.charging.ChargingKind;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The billing team's pages: a business day's rated records, filtered and paged in the database; the day's
 * reconciliation with its control totals and every mismatching id, each leading to its rated records; and CSV
 * exports, which are the billing API's own (the same controller methods, reached with the console's session).
 */
@Controller
@RequestMapping("/console/billing")
class BillingController {

    private final ObjectProvider<BillService> bills;
    private final ReconciliationRuns runs;
    private final ObjectProvider<BillingApi> api;
    private final ObjectProvider<BillingProperties> billing;
    private final ConsoleSections sections;
    private final ConsoleSettings settings;
    private final Clock clock;

    BillingController(ObjectProvider<BillService> bills, ReconciliationRuns runs,
                      ObjectProvider<BillingApi> api, ObjectProvider<BillingProperties> billing, ConsoleSections sections,
                      ConsoleSettings settings, Clock clock) {
        this.bills = bills;
        this.runs = runs;
        this.api = api;
        this.billing = billing;
        this.sections = sections;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping
    String records(@RequestParam(required = false) LocalDate day, @RequestParam(defaultValue = "") String msisdn,
                   @RequestParam(defaultValue = "") String messageId, @RequestParam(required = false) ChargingKind kind,
                   @RequestParam(required = false) UUID after, Model model) {
        sections.require(ConsoleSection.BILLING);
        LocalDate d = day == null ? today() : day;
        String number = msisdn.isBlank() ? null : Msisdn.parse(msisdn.strip(), null).value();
        RecordPage page = bills.getObject().recordsOfDay(new RecordFilter(d, number, messageId, kind), after, settings.pageSize());
        model.addAttribute("day", d);
        model.addAttribute("msisdn", number == null ? "" : number);
        model.addAttribute("messageId", messageId.strip());
        model.addAttribute("kind", kind);
        model.addAttribute("kinds", ChargingKind.values());
        model.addAttribute("page", page);
        model.addAttribute("after", after);
        model.addAttribute("period", YearMonth.from(d).toString());
        return "console/billing";
    }

    /** A kind of mismatch with how many ids it has and the first of them, as many as the page shows. */
    record MismatchList(String kind, int total, List<String> shown) {
    }

    /**
     * The day's reconciliation as last computed (see {@link ReconciliationRuns}); while a computation is under way the
     * page polls itself until the new report is there.
     */
    @GetMapping("/reconciliation")
    String reconciliation(@RequestParam(required = false) LocalDate day, HttpServletRequest request, Model model) {
        sections.require(ConsoleSection.BILLING);
        LocalDate d = day == null ? today() : day;
        ReconciliationRuns.View view = runs.view(d);
        model.addAttribute("day", d);
        model.addAttribute("view", view);
        model.addAttribute("canRecompute", request.isUserInRole(ConsoleSection.BILLING.writer()));
        model.addAttribute("computedAt", ConsoleFormats.dateTime(view.computedAt()));
        model.addAttribute("computingSince", ConsoleFormats.dateTime(view.computingSince()));
        ReconciliationReport report = view.report();
        if (report != null) {
            var r = report.threeWay();
            Map<String, List<String>> all = new LinkedHashMap<>();
            all.put("In the log, not rated", r.notRated());
            all.put("Rated, not in the log", r.ratedNotInLog());
            all.put("Rated twice", r.ratedTwice());
            all.put("SMS never confirmed by the SMS-C", r.smsUnconfirmed());
            all.put("SMS whose delivery failed", r.smsFailed());
            all.put("Completed at the SMS-C, not rated", r.gatewayNotRated());
            if (r.moFreeKnown()) {
                all.put("MOs neither charged nor known as free", r.moNotCharged());
            }
            int shown = settings.mismatchIdsShown();
            model.addAttribute("report", report);
            model.addAttribute("r", r);
            model.addAttribute("mismatches", all.entrySet().stream().map(e -> new MismatchList(e.getKey(), e.getValue().size(),
                    List.copyOf(e.getValue().subList(0, Math.min(shown, e.getValue().size()))))).toList());
        }
        return "console/reconciliation";
    }

    /** Computes the day's reconciliation again, now. */
    @PostMapping("/reconciliation")
    String recompute(@RequestParam LocalDate day, RedirectAttributes redirect) {
        sections.require(ConsoleSection.BILLING);
        runs.refresh(day);
        redirect.addAttribute("day", day.toString()); // ISO, as the page reads it (not the locale's short format)
        return "redirect:/console/billing/reconciliation?day={day}";
    }

    /** A subscriber's rated records of a month as CSV: the billing API's export. */
    @GetMapping("/export/records")
    ResponseEntity<String> exportRecords(@RequestParam String msisdn, @RequestParam String period) {
        sections.require(ConsoleSection.BILLING);
        return api.getObject().recordsCsv(msisdn, period, false);
    }

    /** A day's reconciliation as CSV: the billing API's export. */
    @GetMapping("/export/reconciliation")
    void exportReconciliation(@RequestParam LocalDate day, HttpServletResponse response) throws IOException {
        sections.require(ConsoleSection.BILLING);
        api.getObject().reconciliationCsv(day, response);
    }

    /** The business day now, by the platform's clock. */
    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), billing.getObject().businessZone());
    }
}
