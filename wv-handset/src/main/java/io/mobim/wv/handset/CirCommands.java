package io.mobim.wv.handset;

import io.mobim.wv.model.CapabilityList;
import io.mobim.wv.model.ClientCapabilityResponse;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the platform wakes this idle client (CIR): {@code cir tcp} agrees standing TCP and keeps the connection open,
 * polling on each {@code WVCI} line it sends; {@code cir sms} and {@code cir wap} agree a wake by plain SMS or WAP push
 * to the subscriber's number, whose text a person hands to {@code wake} (with the all-in-one's simulator, as the
 * handset API's {@code GET /api/v1/simulator/mt} shows it).
 */
final class CirCommands {

    /** A wake names the CSP version and the session's cookie; a WAP push's text has the push headers before it. */
    private static final Pattern WAKE = Pattern.compile("WVCI (\\S+) (\\S+)");

    private final Answers answers;
    private final WvHandset handset;
    private final PrintStream out;
    private final Consumer<String> woken;
    private StandingTcp tcp;

    /** @param woken what a wake does: polls, printing what waited, under the session's lock */
    CirCommands(Answers answers, Consumer<String> woken) {
        this.answers = answers;
        this.handset = answers.handset();
        this.out = answers.out();
        this.woken = woken;
    }

    boolean cir(String args) {
        String[] words = args.split("\\s+");
        String method = switch (words[0].toLowerCase(Locale.ROOT)) {
            case "tcp" -> "STCP";
            case "sms" -> "SSMS";
            case "wap" -> "WAPSMS";
            default -> null;
        };
        if (method == null || words.length > 2 || (words.length == 2 && !method.equals("STCP"))) {
            return answers.usage("cir tcp [host] | cir sms | cir wap");
        }
        ClientCapabilityResponse answer = answers.ask(WvHandset.cirCapabilities(method), ClientCapabilityResponse.class);
        if (answer == null) {
            return false;
        }
        CapabilityList agreed = answer.capabilityList();
        List<String> methods = agreed == null ? List.of() : agreed.supportedCirMethods();
        if (!methods.contains(method)) {
            out.println("error cir " + method + " not agreed (the platform offers " + (methods.isEmpty() ? "none" : methods) + ")");
            return false;
        }
        if (!method.equals("STCP")) {
            out.println("cir " + method + ": a wake comes as an SMS to " + handset.userId() + "; type wake <its text>");
            return true;
        }
        closeTcp();
        String host = words.length == 2 ? words[1] : agreed.tcpAddress();
        tcp = StandingTcp.open(host, agreed.tcpPort(), handset.sessionId(), woken,
                why -> out.println("cir tcp connection lost: " + why));
        out.println("cir STCP " + tcp.address() + " connected");
        return true;
    }

    /** The text of a wake SMS: polls when it names this session. */
    boolean wake(String text) {
        Matcher m = WAKE.matcher(text);
        if (!m.find()) {
            return answers.usage("wake <the text of the WVCI SMS>");
        }
        if (!m.group(1).equals(handset.version().label()) || !m.group(2).equals(handset.sessionCookie())) {
            out.println("error not a wake for this session (it is CSP " + handset.version().label() + ", cookie "
                    + handset.sessionCookie() + ")");
            return false;
        }
        woken.accept(m.group());
        return true;
    }

    /** Closes the standing TCP connection, if one is open. */
    void closeTcp() {
        if (tcp != null) {
            tcp.close();
            tcp = null;
        }
    }
}
