package io.mobim.wv.handset;

import io.mobim.wv.model.Disconnect;
import io.mobim.wv.model.GetListResponse;
import io.mobim.wv.model.GetPresenceResponse;
import io.mobim.wv.model.JoinGroupResponse;
import io.mobim.wv.model.KeepAliveResponse;
import io.mobim.wv.model.LeaveGroupResponse;
import io.mobim.wv.model.ListManageResponse;
import io.mobim.wv.model.LoginResponse;
import io.mobim.wv.model.Primitive;
import io.mobim.wv.model.Result;
import io.mobim.wv.model.SearchResponse;
import io.mobim.wv.model.SendMessageResponse;
import io.mobim.wv.model.Status;
import java.io.PrintStream;
import java.util.regex.Pattern;

/**
 * What the commands share: one request and its answer, the error line of a refused one ({@code error <CSP status>
 * <description>}, and what to do when the session is over), usage lines, and the UserIDs a person may type as bare
 * numbers.
 */
final class Answers {

    private static final Pattern NUMBER = Pattern.compile("\\+?\\d{6,15}");

    private final WvHandset handset;
    private final String domain;
    private final PrintStream out;

    Answers(WvHandset handset, String domain, PrintStream out) {
        this.handset = handset;
        this.domain = domain;
        this.out = out;
    }

    PrintStream out() {
        return out;
    }

    WvHandset handset() {
        return handset;
    }

    /**
     * One request in its own transaction: its answer when it is a {@code type} that succeeded; null when the platform
     * refused it (a {@code Status} or a failed result), after printing the error.
     */
    <T extends Primitive> T ask(Primitive request, Class<T> type) {
        Primitive answer = handset.request(request).primitive();
        if (!succeeded(resultOf(answer))) {
            return null;
        }
        if (!type.isInstance(answer)) {
            throw new IllegalStateException("expected " + type.getSimpleName() + ", got " + answer.elementName());
        }
        return type.cast(answer);
    }

    /** Prints {@code error <code> <description>} (with each recipient's or item's own result) unless it is a success. */
    boolean succeeded(Result result) {
        if (result == null || result.code() == null || result.code() / 100 == 2) {
            return true;
        }
        out.println("error " + result.code() + " " + nullToEmpty(result.description()));
        result.detailedResults().forEach(d -> out.println("  " + d));
        String over = switch (result.code()) {
            case 600 -> "session expired";
            case 601 -> "session ended by a newer login";
            case 604 -> "not logged in";
            default -> null;
        };
        if (over != null) {
            out.println(over + ": type login to log in again");
        }
        return false;
    }

    boolean usage(String message) {
        out.println("usage: " + message);
        return false;
    }

    /** A number as a UserID in the emulator's domain; anything else as it is. */
    String userId(String user) {
        if (NUMBER.matcher(user).matches()) {
            return "wv:" + (user.startsWith("+") ? user : "+" + user) + "@" + domain;
        }
        return user;
    }

    /** Whether {@code text} is a number (a search by number rather than by nickname). */
    static boolean isNumber(String text) {
        return NUMBER.matcher(text).matches();
    }

    /** A GroupID of this user's own: {@code wv:<number>/<name>@<domain>}; a full GroupID as it is. */
    String ownGroup(String name) {
        if (name.contains("/")) {
            return name;
        }
        String me = userId(handset.userId());
        int at = me.indexOf('@');
        return (at < 0 ? me : me.substring(0, at)) + "/" + name + "@" + domain;
    }

    static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static Result resultOf(Primitive p) {
        return switch (p) {
            case Status s -> s.result();
            case Disconnect d -> d.result();
            case LoginResponse l -> l.result();
            case KeepAliveResponse k -> k.result();
            case GetListResponse g -> g.result();
            case ListManageResponse l -> l.result();
            case GetPresenceResponse g -> g.result();
            case SendMessageResponse s -> s.result();
            case JoinGroupResponse j -> j.result();
            case LeaveGroupResponse l -> l.result();
            case SearchResponse s -> s.result();
            default -> null;
        };
    }
}
