package io.mobim.smpp.dlr;

import io.mobim.events.sms.SmsDlr;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;

/**
 * Reads a delivery receipt tolerantly: the {@code receipted_message_id} and {@code message_state} TLVs
 * first, then the SMPP 3.4 Appendix B text ({@code id:... stat:... err:...}) with a lenient pattern, since
 * vendors vary. Message ids are offered in several forms (as given, hex↔decimal, without leading zeros)
 * because SMS-Cs disagree on the base of the id in submit_sm_resp and in the receipt.
 *
 * @param messageIds candidate ids, best first
 * @param status the final status, or null for an intermediate one (ENROUTE, ACCEPTD) or none found
 * @param errorCode the receipt's {@code err:} or the {@code network_error_code}, if any
 */
public record ReceiptParser(Set<String> messageIds, SmsDlr.Status status, boolean intermediate, String errorCode) {

    private static final Pattern ID = Pattern.compile("(?i)\\bid:\\s*([0-9A-Za-z-]+)");
    private static final Pattern STAT = Pattern.compile("(?i)\\bstat:\\s*([A-Za-z]+)");
    private static final Pattern ERR = Pattern.compile("(?i)\\berr:\\s*([0-9A-Za-z]+)");

    public static ReceiptParser parse(DeliverSm d) {
        Set<String> ids = new LinkedHashSet<>();
        String text = d.getShortMessage() == null ? "" : new String(d.getShortMessage(), StandardCharsets.ISO_8859_1);
        if (d.getOptionalParameter(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID) instanceof OptionalParameter.COctetString rid) {
            addForms(ids, rid.getValueAsString());
        }
        Matcher id = ID.matcher(text);
        if (id.find()) {
            addForms(ids, id.group(1));
        }
        SmsDlr.Status status = null;
        boolean intermediate = false;
        Matcher stat = STAT.matcher(text);
        if (stat.find()) {
            String s = stat.group(1).toUpperCase(Locale.ROOT);
            status = fromStat(s);
            intermediate = status == null;
        }
        if (status == null && !intermediate
                && d.getOptionalParameter(OptionalParameter.Tag.MESSAGE_STATE) instanceof OptionalParameter.Byte state) {
            status = fromMessageState(state.getValue());
            intermediate = status == null;
        }
        Matcher err = ERR.matcher(text);
        String error = err.find() ? err.group(1) : null;
        return new ReceiptParser(ids, status, intermediate, error);
    }

    static SmsDlr.Status fromStat(String stat) {
        return switch (stat) {
            case "DELIVRD" -> SmsDlr.Status.DELIVERED;
            case "EXPIRED" -> SmsDlr.Status.EXPIRED;
            case "REJECTD" -> SmsDlr.Status.REJECTED;
            case "UNDELIV", "DELETED", "UNKNOWN" -> SmsDlr.Status.FAILED;
            default -> null; // ENROUTE, ACCEPTD and vendor extras are not final
        };
    }

    static SmsDlr.Status fromMessageState(byte state) {
        return switch (state) {
            case 2 -> SmsDlr.Status.DELIVERED;
            case 3 -> SmsDlr.Status.EXPIRED;
            case 4, 5, 7 -> SmsDlr.Status.FAILED;
            case 8 -> SmsDlr.Status.REJECTED;
            default -> null;
        };
    }

    /** The id as given, its decimal/hex counterpart, and without leading zeros. */
    static void addForms(Set<String> ids, String raw) {
        if (raw == null || raw.isBlank()) {
            return;
        }
        String id = raw.trim();
        ids.add(id);
        String stripped = id.replaceFirst("^0+(?=.)", "");
        ids.add(stripped);
        if (stripped.matches("[0-9]{1,30}")) {
            String hex = new BigInteger(stripped).toString(16);
            ids.add(hex);
            ids.add(hex.toUpperCase(Locale.ROOT));
        }
        if (stripped.matches("[0-9A-Fa-f]{1,24}")) {
            ids.add(new BigInteger(stripped, 16).toString());
        }
    }
}
