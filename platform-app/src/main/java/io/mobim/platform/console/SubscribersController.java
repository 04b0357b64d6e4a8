package io.mobim.platform.console;

import io.mobim.billing.plan.PlanService;
import io.mobim.events.Msisdn;
import io.mobim.platform.contacts.Contact;
import io.mobim.platform.contacts.Contacts;
import io.mobim.platform.messaging.OpenDeliveries;
import io.mobim.platform.presence.PresenceService;
import io.mobim.platform.presence.PresenceView;
import io.mobim.platform.subscribers.Subscriber;
import io.mobim.platform.subscribers.SubscriberChanges;
import io.mobim.platform.subscribers.SubscriberSettings;
import io.mobim.platform.subscribers.SubscriberStatus;
import io.mobim.platform.subscribers.Subscribers;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Customer care's view of subscribers: search by number or nickname (a page at a time, in the database), provision,
 * suspend and reactivate, and a subscriber's contacts, presence and open deliveries. Message bodies are never shown.
 * Everything goes through the IM core's own services, as the subscriber API does.
 */
@Controller
@RequestMapping("/console/subscribers")
class SubscribersController {

    /** Open deliveries listed on a subscriber's page at most. */
    static final int OPEN_DELIVERIES_SHOWN = 50;

    /** A contact with the presence its owner may see of it (empty when not authorised). */
    record ContactLine(int position, String number, String nickname, String availability, boolean clientOnline, String lastSeen) {
    }

    private final ObjectProvider<Subscribers> subscribers;
    private final ObjectProvider<Contacts> contacts;
    private final ObjectProvider<PresenceService> presence;
    private final ObjectProvider<OpenDeliveries> deliveries;
    private final ObjectProvider<SubscriberSettings> subscriberSettings;
    private final ObjectProvider<PlanService> plans;
    private final ConsoleSections sections;
    private final ConsoleSettings settings;

    SubscribersController(ObjectProvider<Subscribers> subscribers, ObjectProvider<Contacts> contacts,
                          ObjectProvider<PresenceService> presence, ObjectProvider<OpenDeliveries> deliveries,
                          ObjectProvider<SubscriberSettings> subscriberSettings, ObjectProvider<PlanService> plans,
                          ConsoleSections sections, ConsoleSettings settings) {
        this.subscribers = subscribers;
        this.contacts = contacts;
        this.presence = presence;
        this.deliveries = deliveries;
        this.subscriberSettings = subscriberSettings;
        this.plans = plans;
        this.sections = sections;
        this.settings = settings;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page, Model model) {
        sections.require(ConsoleSection.SUBSCRIBERS);
        if (page < 0) {
            throw new IllegalArgumentException("page must be 0 or more");
        }
        Page<Subscriber> found = subscribers.getObject().search(q, page, settings.pageSize());
        model.addAttribute("q", q);
        model.addAttribute("found", found);
        model.addAttribute("rows", found.getContent().stream().map(SubscribersController::row).toList());
        model.addAttribute("locales", subscriberSettings.getObject().locales());
        PlanService planService = plans.getIfAvailable();
        model.addAttribute("plans", planService == null ? List.of() : List.copyOf(planService.catalog().planIds()));
        return "console/subscribers";
    }

    /** A subscriber as the list shows it. */
    record Row(String number, String nickname, String status, String tariffPlan, String locale, String created) {
    }

    private static Row row(Subscriber s) {
        return new Row(s.msisdn().value(), s.nickname(), s.status().name(), s.tariffPlan(), s.locale().toLanguageTag(),
                ConsoleFormats.dateTime(s.createdAt()));
    }

    @PostMapping
    String provision(@RequestParam String msisdn, @RequestParam String nickname,
                     @RequestParam(required = false) String tariffPlan, @RequestParam(required = false) String locale,
                     RedirectAttributes redirect) {
        sections.require(ConsoleSection.SUBSCRIBERS);
        Subscribers register = subscribers.getObject();
        Msisdn number = register.parseNumber(msisdn.strip());
        register.register(number, nickname.strip(), new SubscriberChanges(null, null, blankToNull(locale), blankToNull(tariffPlan),
                null, null, null));
        redirect.addFlashAttribute("outcome", "Subscriber " + number.value() + " provisioned.");
        redirect.addAttribute("msisdn", number.value());
        return "redirect:/console/subscribers/{msisdn}";
    }

    @GetMapping("/{msisdn}")
    String subscriber(@PathVariable String msisdn, Model model) {
        sections.require(ConsoleSection.SUBSCRIBERS);
        Subscribers register = subscribers.getObject();
        Msisdn number = register.parseNumber(msisdn);
        Subscriber s = register.get(number);
        Map<Msisdn, PresenceView> visible = presence.getObject().contactsOf(number).stream()
                .collect(Collectors.toMap(PresenceView::msisdn, Function.identity(), (a, b) -> a));
        List<ContactLine> contactLines = contacts.getObject().list(number).stream().map(c -> contactLine(c, visible.get(c.msisdn()))).toList();
        model.addAttribute("s", row(s));
        model.addAttribute("subscriber", s);
        model.addAttribute("updated", ConsoleFormats.dateTime(s.updatedAt()));
        model.addAttribute("contacts", contactLines);
        model.addAttribute("pending", contacts.getObject().pendingRequests(number));
        model.addAttribute("presence", presence.getObject().view(number, number).orElse(null));
        model.addAttribute("open", deliveries.getObject().of(number, OPEN_DELIVERIES_SHOWN));
        model.addAttribute("statuses", SubscriberStatus.values());
        return "console/subscriber";
    }

    @PostMapping("/{msisdn}/status")
    String status(@PathVariable String msisdn, @RequestParam SubscriberStatus status, RedirectAttributes redirect) {
        sections.require(ConsoleSection.SUBSCRIBERS);
        Subscribers register = subscribers.getObject();
        Msisdn number = register.parseNumber(msisdn);
        register.update(number, new SubscriberChanges(null, null, null, null, status, null, null));
        redirect.addFlashAttribute("outcome", "Subscriber " + number.value() + " is now " + status + ".");
        redirect.addAttribute("msisdn", number.value());
        return "redirect:/console/subscribers/{msisdn}";
    }

    private static ContactLine contactLine(Contact c, PresenceView p) {
        return new ContactLine(c.position(), c.msisdn().value(), c.nickname(), p == null ? "not authorised" : p.availability().name(),
                p != null && p.clientOnline(), p == null ? "" : ConsoleFormats.dateTime(p.lastSeen()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
