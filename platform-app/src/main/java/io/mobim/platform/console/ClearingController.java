package io.mobim.platform.console;

import io.mobim.clearing.matching.DisputeStatus;
import io.mobim.clearing.web.ClearingApi;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The clearing team's page: settlement statements per period and operator pair with their net positions, and the
 * disputes, read through the clearing API's own methods (the clearing house owns its data; the console only shows it).
 */
@Controller
@RequestMapping("/console/clearing")
class ClearingController {

    /** Disputes listed at most: the newest first is what the clearing API gives. */
    static final int DISPUTES_SHOWN = 200;

    private final ObjectProvider<ClearingApi> clearing;
    private final ConsoleSections sections;

    ClearingController(ObjectProvider<ClearingApi> clearing, ConsoleSections sections) {
        this.clearing = clearing;
        this.sections = sections;
    }

    @GetMapping
    String page(@RequestParam(defaultValue = "") String agreementId, @RequestParam(defaultValue = "") String period,
                @RequestParam(required = false) DisputeStatus status, Model model) {
        sections.require(ConsoleSection.CLEARING);
        ClearingApi api = clearing.getObject();
        String agreement = agreementId.isBlank() ? null : agreementId.strip();
        model.addAttribute("agreementId", agreementId.strip());
        model.addAttribute("period", period.strip());
        model.addAttribute("status", status);
        model.addAttribute("statuses", DisputeStatus.values());
        model.addAttribute("agreements", api.agreements());
        model.addAttribute("statements", api.statements(agreement, period.isBlank() ? null : period.strip()));
        model.addAttribute("disputes", api.disputes(agreement, status, DISPUTES_SHOWN));
        model.addAttribute("disputesShown", DISPUTES_SHOWN);
        return "console/clearing";
    }
}
