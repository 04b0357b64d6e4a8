package io.mobim.platform.console;

import io.mobim.billing.BillingProperties;
import io.mobim.billing.plan.PlanService;
import io.mobim.billing.plan.TariffCatalog;
import io.mobim.billing.plan.TariffPlanVersion;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * The tariff plans and their versions, read-only (new versions are added through the billing API): every plan with
 * the version in force now, and a plan's versions with their components and prices.
 */
@Controller
@RequestMapping("/console/billing/plans")
class PlansController {

    /** A plan as the list shows it: its versions and the one in force now (null when none is yet). */
    record PlanLine(String planId, List<TariffPlanVersion> versions, TariffPlanVersion inForce) {
    }

    private final ObjectProvider<PlanService> plans;
    private final ObjectProvider<BillingProperties> billing;
    private final ConsoleSections sections;
    private final Clock clock;

    PlansController(ObjectProvider<PlanService> plans, ObjectProvider<BillingProperties> billing, ConsoleSections sections, Clock clock) {
        this.plans = plans;
        this.billing = billing;
        this.sections = sections;
        this.clock = clock;
    }

    @GetMapping
    String plans(Model model) {
        sections.require(ConsoleSection.BILLING);
        TariffCatalog catalog = plans.getObject().catalog();
        model.addAttribute("plans", catalog.planIds().stream().sorted()
                .map(id -> new PlanLine(id, catalog.versions(id), catalog.inForce(id, clock.instant()).orElse(null))).toList());
        model.addAttribute("day", today());
        return "console/plans";
    }

    @GetMapping("/{planId}")
    String plan(@PathVariable String planId, Model model) {
        sections.require(ConsoleSection.BILLING);
        TariffCatalog catalog = plans.getObject().catalog();
        List<TariffPlanVersion> versions = catalog.versions(planId);
        if (versions.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No tariff plan " + planId);
        }
        model.addAttribute("planId", planId);
        model.addAttribute("versions", versions);
        model.addAttribute("inForce", catalog.inForce(planId, clock.instant()).orElse(null));
        model.addAttribute("day", today());
        return "console/plan";
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), billing.getObject().businessZone());
    }
}
