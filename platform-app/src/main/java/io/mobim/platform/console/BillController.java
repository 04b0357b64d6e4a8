package io.mobim.platform.console;

import io.mobim.billing.BillingProperties;
import io.mobim.billing.records.Bill;
import io.mobim.billing.web.BillingApi;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A subscriber's bill for a period, as the billing API computes it (the same controller method, so the same checks
 * of the number and the period): one line per plan version, kind, channel, direction and service flag, the totals per
 * currency, and the events of the period still rejected.
 */
@Controller
@RequestMapping("/console/billing/bill")
class BillController {

    private final ObjectProvider<BillingApi> api;
    private final ObjectProvider<BillingProperties> billing;
    private final ConsoleSections sections;
    private final Clock clock;

    BillController(ObjectProvider<BillingApi> api, ObjectProvider<BillingProperties> billing, ConsoleSections sections, Clock clock) {
        this.api = api;
        this.billing = billing;
        this.sections = sections;
        this.clock = clock;
    }

    @GetMapping
    String bill(@RequestParam(defaultValue = "") String msisdn, @RequestParam(defaultValue = "") String period, Model model) {
        sections.require(ConsoleSection.BILLING);
        LocalDate today = LocalDate.ofInstant(clock.instant(), billing.getObject().businessZone());
        String p = period.isBlank() ? YearMonth.from(today).toString() : period.strip();
        Bill bill = msisdn.isBlank() ? null : api.getObject().bill(msisdn.strip(), p);
        model.addAttribute("msisdn", bill == null ? msisdn.strip() : bill.msisdn());
        model.addAttribute("period", p);
        model.addAttribute("bill", bill);
        model.addAttribute("day", today);
        return "console/bill";
    }
}
