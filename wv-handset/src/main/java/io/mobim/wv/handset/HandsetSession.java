package io.mobim.wv.handset;

import io.mobim.wv.model.DeliveryReportRequest;
import io.mobim.wv.model.Disconnect;
import io.mobim.wv.model.GetListRequest;
import io.mobim.wv.model.GetListResponse;
import io.mobim.wv.model.GetMessageRequest;
import io.mobim.wv.model.GetMessageResponse;
import io.mobim.wv.model.GroupChangeNotice;
import io.mobim.wv.model.InviteUserRequest;
import io.mobim.wv.model.JoinGroupRequest;
import io.mobim.wv.model.JoinGroupResponse;
import io.mobim.wv.model.ListManageRequest;
import io.mobim.wv.model.ListManageResponse;
import io.mobim.wv.model.LoginResponse;
import io.mobim.wv.model.LogoutRequest;
import io.mobim.wv.model.MemberList;
import io.mobim.wv.model.MessageInfo;
import io.mobim.wv.model.MessageNotification;
import io.mobim.wv.model.NewMessage;
import io.mobim.wv.model.NickList;
import io.mobim.wv.model.NickName;
import io.mobim.wv.model.Presence;
import io.mobim.wv.model.PresenceAuthRequest;
import io.mobim.wv.model.PresenceNotificationRequest;
import io.mobim.wv.model.Primitive;
import io.mobim.wv.model.Result;
import io.mobim.wv.model.ScreenName;
import io.mobim.wv.model.SearchPair;
import io.mobim.wv.model.SearchRequest;
import io.mobim.wv.model.SearchResponse;
import io.mobim.wv.model.Sender;
import io.mobim.wv.model.SendMessageResponse;
import io.mobim.wv.model.Status;
import io.mobim.wv.model.Transaction;
import io.mobim.wv.model.UpdatePresenceRequest;
import io.mobim.wv.model.User;
import io.mobim.wv.model.UserList;
import io.mobim.wv.model.WvMessage;
import io.mobim.wv.model.WvNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The emulator's command language over one {@link WvHandset}: each line is a command, each command one or a few CSP
 * transactions, and each answer one or more lines of plain text (an error as {@code error <CSP status> <description>}),
 * so that a person can type a session and a script can read it. {@code help} lists the commands.
 */
public final class HandsetSession {

    static final String HELP = """
            login                    log in again (clear password, or the 4-way digest with --digest)
            contacts                 the default contact list: nickname and UserID of each contact
            add <number> [nick]      put a subscriber on the default contact list
            send <user> <text>       a message to a UserID or a number (a client user or an SMS-only one)
            poll [seconds]           what is waiting: messages, presence, authorisation requests, invitations, group
                                     notices, delivery reports; with seconds, waits that long for the first of them
            presence <status text>   this user's status text (and availability AVAILABLE)
            join <group>             join a group (its GroupID, e.g. wv:+447700900101/chat@mobim)
            search <nick|number>     users by nickname (those listed in the directory) or by number
            logout                   end the session (and the emulator)
            help                     this list""";

    private static final Pattern NUMBER = Pattern.compile("\\+?\\d{6,15}");
    private static final Duration POLL_PAUSE = Duration.ofMillis(500);

    private final WvHandset handset;
    private final String password;
    private final boolean digest;
    private final String domain;
    private final PrintStream out;

    /**
     * @param handset the handset, not logged in yet
     * @param password its client password
     * @param digest whether {@code login} uses the 4-way digest instead of the clear password
     * @param domain the domain a bare number is put in, for {@code add} and {@code send}
     * @param out where the answers are printed
     */
    public HandsetSession(WvHandset handset, String password, boolean digest, String domain, PrintStream out) {
        this.handset = handset;
        this.password = password;
        this.digest = digest;
        this.domain = domain;
        this.out = out;
    }

    /** Runs the commands of {@code in}, one a line, until its end or {@code logout}; false if a command failed. */
    public boolean run(BufferedReader in, boolean prompt) throws IOException {
        boolean ok = true;
        while (true) {
            if (prompt) {
                out.print("> ");
                out.flush();
            }
            String line = in.readLine();
            if (line == null) {
                return ok;
            }
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                ok &= execute(line);
            } catch (RuntimeException e) {
                out.println("failed: " + e.getMessage());
                ok = false;
            }
            if (line.equals("logout")) {
                return ok;
            }
        }
    }

    /** One command; false when the platform refused it (an error line was printed). */
    public boolean execute(String line) {
        String[] words = line.split("\\s+", 2);
        String rest = words.length > 1 ? words[1].strip() : "";
        return switch (words[0].toLowerCase(Locale.ROOT)) {
            case "login" -> login();
            case "contacts" -> contacts();
            case "add" -> add(rest);
            case "send" -> send(rest);
            case "poll" -> poll(rest);
            case "presence" -> presence(rest);
            case "join" -> join(rest);
            case "search" -> search(rest);
            case "logout" -> logout();
            case "help" -> {
                out.println(HELP);
                yield true;
            }
            default -> usage("unknown command: " + words[0] + " (help lists them)");
        };
    }

    /** Logs in with the password, in clear or by digest. */
    public boolean login() {
        LoginResponse answer = digest ? handset.loginDigest(password, "SHA", "MD5") : handset.login(password);
        if (!succeeded(answer.result())) {
            return false;
        }
        out.println("logged in as " + handset.userId() + (digest ? " (digest)" : ""));
        return true;
    }

    private boolean contacts() {
        GetListResponse lists = handset.request(new GetListRequest(), GetListResponse.class);
        if (!succeeded(lists.result())) {
            return false;
        }
        if (lists.defaultContactList() == null) {
            out.println("contacts 0");
            return true;
        }
        Primitive answer = handset.request(new ListManageRequest(lists.defaultContactList(), null, null, null, true)).primitive();
        if (!succeeded(resultOf(answer))) {
            return false;
        }
        ListManageResponse list = (ListManageResponse) answer;
        List<NickName> names = list.nickList() == null ? List.of() : list.nickList().nickNames();
        out.println("contacts " + names.size());
        names.forEach(n -> out.println("  " + n.name() + " " + n.userId()));
        return true;
    }

    private boolean add(String args) {
        String[] words = args.split("\\s+", 2);
        if (args.isEmpty()) {
            return usage("add <number> [nick]");
        }
        String userId = userId(words[0]);
        String nick = words.length > 1 ? words[1] : words[0];
        GetListResponse lists = handset.request(new GetListRequest(), GetListResponse.class);
        if (!succeeded(lists.result())) {
            return false;
        }
        Primitive answer = handset.request(new ListManageRequest(lists.defaultContactList(),
                new NickList(List.of(new NickName(nick, userId))), null, null, false)).primitive();
        if (!succeeded(resultOf(answer))) {
            return false;
        }
        out.println("added " + userId + " as " + nick);
        return true;
    }

    private boolean send(String args) {
        String[] words = args.split("\\s+", 2);
        if (words.length < 2) {
            return usage("send <user> <text>");
        }
        SendMessageResponse answer = handset.send(words[1], userId(words[0]));
        if (!succeeded(answer.result())) {
            return false;
        }
        out.println("sent " + answer.messageId());
        return true;
    }

    /**
     * Polls until nothing more is waiting, printing each item and answering it as a handset does (a message is
     * confirmed delivered, anything else acknowledged); with a number of seconds, first waits up to that long for one.
     */
    private boolean poll(String args) {
        long patience;
        try {
            patience = args.isEmpty() ? 0 : Duration.ofSeconds(Long.parseLong(args)).toNanos();
        } catch (NumberFormatException e) {
            return usage("poll [seconds]");
        }
        long deadline = System.nanoTime() + patience;
        int items = 0;
        while (true) {
            Transaction t = handset.poll();
            if (t != null) {
                items++;
                show(t);
                continue;
            }
            if (items > 0 || System.nanoTime() >= deadline) {
                break;
            }
            pause();
        }
        if (items == 0) {
            out.println("nothing new");
        }
        return true;
    }

    private void show(Transaction t) {
        switch (t.primitive()) {
            case NewMessage m -> {
                out.println("message from " + sender(m.messageInfo()) + ": " + m.contentData());
                handset.confirm(t);
            }
            case MessageNotification n -> {
                handset.acknowledge(t);
                GetMessageResponse m = handset.request(new GetMessageRequest(n.messageInfo().messageId()), GetMessageResponse.class);
                out.println("message from " + sender(m.messageInfo()) + ": " + m.contentData());
            }
            case PresenceNotificationRequest p -> {
                p.presences().forEach(presence -> out.println("presence " + presence.userId() + ": " + attributes(presence)));
                handset.acknowledge(t);
            }
            case PresenceAuthRequest a -> {
                out.println("authorisation asked by " + a.userId());
                handset.acknowledge(t);
            }
            case InviteUserRequest i -> {
                out.println("invitation " + i.inviteId() + " from " + sender(i.sender())
                        + (i.groupId() == null ? "" : " to " + i.groupId()) + (i.inviteNote() == null ? "" : ": " + i.inviteNote()));
                handset.acknowledge(t);
            }
            case GroupChangeNotice g -> {
                out.println("group " + g.groupId() + ": joined " + members(g.joined()) + "; left " + members(g.left()));
                handset.acknowledge(t);
            }
            case DeliveryReportRequest r -> {
                out.println("delivery report " + (r.messageInfo() == null ? "" : r.messageInfo().messageId()) + ": "
                        + r.result().code() + " " + nullToEmpty(r.result().description()));
                handset.acknowledge(t);
            }
            case Disconnect d -> out.println("disconnected: " + d.result().code() + " " + nullToEmpty(d.result().description()));
            default -> {
                out.println(t.primitive().elementName());
                handset.acknowledge(t);
            }
        }
    }

    private boolean presence(String text) {
        if (text.isEmpty()) {
            return usage("presence <status text>");
        }
        Status answer = handset.request(new UpdatePresenceRequest(new WvNode("PresenceSubList", null, List.of(
                WvNode.presenceValue("UserAvailability", "AVAILABLE"), WvNode.presenceValue("StatusText", text)))), Status.class);
        if (!succeeded(answer.result())) {
            return false;
        }
        out.println("presence set");
        return true;
    }

    private boolean join(String group) {
        if (group.isEmpty()) {
            return usage("join <group>");
        }
        Primitive answer = handset.request(new JoinGroupRequest(group, null, null, true, true)).primitive();
        if (!succeeded(resultOf(answer))) {
            return false;
        }
        UserList joined = answer instanceof JoinGroupResponse j ? j.userList() : null;
        out.println("joined " + group + (joined == null ? "" : ", members " + names(joined)));
        return true;
    }

    private boolean search(String what) {
        if (what.isEmpty()) {
            return usage("search <nick|number>");
        }
        String key = NUMBER.matcher(what).matches() ? "USER_MOBILE_NUMBER" : "USER_ALIAS";
        Primitive answer = handset.request(new SearchRequest(List.of(new SearchPair(key, what)), null, null, null)).primitive();
        if (!succeeded(resultOf(answer))) {
            return false;
        }
        SearchResponse found = (SearchResponse) answer;
        List<User> users = found.searchResult() == null || found.searchResult().userList() == null ? List.of()
                : found.searchResult().userList().users();
        out.println("found " + users.size());
        users.forEach(u -> out.println("  " + u.userId()));
        return true;
    }

    private boolean logout() {
        WvMessage answer = handset.request(new LogoutRequest());
        Primitive p = answer.transaction().primitive();
        if (!succeeded(resultOf(p))) {
            return false;
        }
        out.println("logged out");
        return true;
    }

    /** A number as a UserID in the emulator's domain; anything else as it is. */
    private String userId(String user) {
        if (NUMBER.matcher(user).matches()) {
            return "wv:" + (user.startsWith("+") ? user : "+" + user) + "@" + domain;
        }
        return user;
    }

    private static Result resultOf(Primitive p) {
        return switch (p) {
            case Status s -> s.result();
            case Disconnect d -> d.result();
            case ListManageResponse l -> l.result();
            case JoinGroupResponse j -> j.result();
            case SearchResponse s -> s.result();
            default -> throw new IllegalStateException("unexpected answer " + p.elementName());
        };
    }

    /** Prints {@code error <code> <description>} (with each recipient's or item's own result) unless it is a success. */
    private boolean succeeded(Result result) {
        if (result == null || result.code() == null || result.code() / 100 == 2) {
            return true;
        }
        out.println("error " + result.code() + " " + nullToEmpty(result.description()));
        result.detailedResults().forEach(d -> out.println("  " + d));
        return false;
    }

    private boolean usage(String message) {
        out.println("usage: " + message);
        return false;
    }

    private static String sender(MessageInfo info) {
        return info == null ? "?" : sender(info.sender());
    }

    private static String sender(Sender sender) {
        if (sender == null) {
            return "?";
        }
        if (sender.user() != null) {
            return sender.user().userId();
        }
        if (sender.group() == null) {
            return "?";
        }
        ScreenName screen = sender.group().screenName();
        return (screen == null ? "" : screen.sName() + " in ") + sender.group().groupId();
    }

    private static String attributes(Presence presence) {
        WvNode list = presence.presenceSubList();
        if (list == null || list.children() == null) {
            return "";
        }
        return list.children().stream().map(a -> a.name() + "=" + nullToEmpty(a.childText("PresenceValue")))
                .collect(Collectors.joining(" "));
    }

    private static String members(MemberList list) {
        return list == null ? "-" : names(list.userList());
    }

    private static String names(UserList list) {
        if (list == null) {
            return "-";
        }
        String users = list.users().stream().map(User::userId).collect(Collectors.joining(","));
        String screens = list.screenNames().stream().map(ScreenName::sName).collect(Collectors.joining(","));
        String all = users.isEmpty() ? screens : screens.isEmpty() ? users : users + "," + screens;
        return all.isEmpty() ? "-" : all;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
