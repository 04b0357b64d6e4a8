package io.mobim.platform.console;

import io.mobim.events.Msisdn;
import io.mobim.events.sms.SmsAddresses;
import io.mobim.platform.sms.SmsSettings;
import io.mobim.platform.subscribers.Subscriber;
import io.mobim.platform.subscribers.Subscribers;
import io.mobim.smpp.simulator.HandsetMessage;
import io.mobim.smpp.simulator.SentReceipt;
import io.mobim.smpp.simulator.SmscSimulator;
import io.mobim.smpp.simulator.SubmittedPart;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Virtual handsets on the SMS-C simulator of the all-in-one (served where the simulator and the IM role run): a row of phones (chosen in the address, so a row can be
 * bookmarked), each showing the SMS it received with their delivery receipts, and a box to text the short code from
 * it. The texts shown are the simulated handsets' own: the simulator is a test tool, and no subscriber's real
 * messages pass through it.
 */
@Controller
@RequestMapping("/console/handsets")
class HandsetsController {

    /** Phones in one row at most: a row is for a demonstration or a test, not for a load run. */
    static final int MAX_PHONES = 8;
    /** What the SMS-C simulator answers a typed SMS with, within this wait. */
    private static final long ACK_WAIT_SECONDS = 5;

    /**
     * One SMS on a phone, with what became of its delivery receipt: the state the network reported for its last part,
     * or that none was asked for (the platform asks for receipts of the messages it charges), or that it is awaited.
     */
    record Received(String from, String text, String at, int parts, String receipt) {
    }

    /** A phone of the row: its number, its subscriber's nickname if it has one, and its newest messages. */
    record Phone(String number, String id, String nickname, String status, List<Received> messages) {
    }

    private final ObjectProvider<SmscSimulator> simulator;
    private final ObjectProvider<Subscribers> subscribers;
    private final ObjectProvider<SmsSettings> sms;
    private final ConsoleSections sections;
    private final ConsoleSettings settings;

    HandsetsController(ObjectProvider<SmscSimulator> simulator, ObjectProvider<Subscribers> subscribers,
                       ObjectProvider<SmsSettings> sms, ConsoleSections sections, ConsoleSettings settings) {
        this.simulator = simulator;
        this.subscribers = subscribers;
        this.sms = sms;
        this.sections = sections;
        this.settings = settings;
    }

    @GetMapping
    String page(@RequestParam(name = "phone", required = false) List<String> phones,
                @RequestParam(name = "add", required = false) String add, Model model) {
        sections.require(ConsoleSection.HANDSETS);
        Set<String> row = row(phones);
        if (add != null && !add.isBlank()) {
            if (row.size() >= MAX_PHONES) {
                throw new IllegalArgumentException("a row holds at most " + MAX_PHONES + " phones");
            }
            row.add(number(add));
        }
        model.addAttribute("phones", row.stream().map(this::phone).toList());
        model.addAttribute("row", List.copyOf(row));
        model.addAttribute("shortCode", shortCode());
        return "console/handsets";
    }

    /** One phone's inbox, which the page polls. */
    @GetMapping("/inbox")
    String inbox(@RequestParam String phone, Model model) {
        sections.require(ConsoleSection.HANDSETS);
        model.addAttribute("phone", phone(number(phone)));
        return "console/handsets :: inbox";
    }

    /**
     * Texts {@code text} from {@code from} to the short code, as the handset would. With htmx the phone is answered
     * in place with what happened; without, the page is shown again.
     */
    @PostMapping("/send")
    String send(@RequestParam String from, @RequestParam String text,
                @RequestParam(name = "phone", required = false) List<String> phones,
                @RequestHeader(name = "HX-Request", required = false) String htmx, Model model, RedirectAttributes redirect) {
        sections.require(ConsoleSection.HANDSETS);
        String number = number(from);
        String outcome = text.isBlank() ? "Not sent: type a text first." : deliver(number, text);
        if (htmx != null) {
            model.addAttribute("phones", List.of(phone(number))); // the fragment is the row's element for each phone
            model.addAttribute("phoneOutcome", outcome);
            model.addAttribute("row", List.copyOf(row(phones)));
            model.addAttribute("shortCode", shortCode());
            return "console/handsets :: phone";
        }
        redirect.addAttribute("phone", new ArrayList<>(row(phones)));
        redirect.addFlashAttribute("outcome", outcome);
        return "redirect:/console/handsets";
    }

    private String deliver(String from, String text) {
        try {
            simulator.getObject().injectMo(from, shortCode(), text).get(ACK_WAIT_SECONDS, TimeUnit.SECONDS);
            return "Sent from " + from + ": the platform acknowledged it.";
        } catch (TimeoutException e) {
            return "Sent from " + from + ": the platform has not acknowledged it yet; the SMS-C keeps trying.";
        } catch (ExecutionException e) {
            return "Not delivered to the platform: " + e.getCause().getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "Interrupted while sending.";
        } catch (IllegalArgumentException e) { // too long for the SMS-C's concatenation, or not encodable
            return "Not sent: " + e.getMessage();
        }
    }

    private Phone phone(String number) {
        SmscSimulator smsc = simulator.getObject();
        Map<String, SentReceipt> receipts = smsc.receiptsFor(number).stream()
                .collect(Collectors.toMap(SentReceipt::messageId, Function.identity(), (a, b) -> b));
        Set<String> receiptAsked = smsc.submitsTo(number).stream().filter(p -> (p.registeredDelivery() & 0x03) != 0)
                .map(SubmittedPart::messageId).collect(Collectors.toSet());
        List<HandsetMessage> all = smsc.messagesTo(number);
        List<Received> newest = all.subList(Math.max(0, all.size() - settings.handsetMessages()), all.size()).stream()
                .map(m -> received(m, receipts, receiptAsked)).toList();
        Subscriber s = subscribers.getObject().find(Msisdn.of(number)).orElse(null);
        return new Phone(number, "phone-" + number.substring(1), s == null ? null : s.nickname(),
                s == null ? "not a subscriber" : s.status().name(), newest);
    }

    private static Received received(HandsetMessage m, Map<String, SentReceipt> receipts, Set<String> receiptAsked) {
        String lastPart = m.messageIds().isEmpty() ? null : m.messageIds().getLast();
        SentReceipt last = lastPart == null ? null : receipts.get(lastPart);
        String receipt = last != null ? "receipt " + last.state() + " at " + ConsoleFormats.time(last.at())
                : receiptAsked.contains(lastPart) ? "receipt awaited" : "no receipt asked";
        return new Received(m.from(), m.text(), ConsoleFormats.time(m.receivedAt()), m.parts(), receipt);
    }

    private Set<String> row(List<String> phones) {
        Set<String> row = new LinkedHashSet<>();
        if (phones != null) {
            phones.stream().filter(p -> !p.isBlank()).limit(MAX_PHONES).map(this::number).forEach(row::add);
        }
        return row;
    }

    /** A number as typed (national numbers in the operator's country where the IM role runs), checked as E.164. */
    private String number(String typed) {
        return SmsAddresses.requireE164(subscribers.getObject().parseNumber(typed.strip()).value(), "phone");
    }

    private String shortCode() {
        return sms.getObject().shortCode();
    }
}
