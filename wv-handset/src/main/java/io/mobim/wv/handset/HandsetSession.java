package io.mobim.wv.handset;

import io.mobim.wv.model.Disconnect;
import io.mobim.wv.model.Group;
import io.mobim.wv.model.KeepAliveRequest;
import io.mobim.wv.model.KeepAliveResponse;
import io.mobim.wv.model.LoginResponse;
import io.mobim.wv.model.LogoutRequest;
import io.mobim.wv.model.Recipient;
import io.mobim.wv.model.SendMessageResponse;
import io.mobim.wv.model.User;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * The emulator's command language over one {@link WvHandset}: each line is a command, each command one or a few CSP
 * transactions, and each answer one or more lines of plain text (an error as {@code error <CSP status> <description>}),
 * so that a person can type a session and a script can read it. {@code help} lists the commands. A wake (standing TCP
 * CIR) polls on the connection's thread; commands and wakes take turns, one at a time.
 */
public final class HandsetSession {

    static final String HELP = """
            login                              log in again (the 4-way digest with --digest)
            keepalive <seconds>                ask this KeepAliveTime: silent longer, the session expires
            contacts                           the default contact list: nickname and UserID of each contact
            add <number> [nick]                put a subscriber on the default contact list
            subscribe <user>                   watch a user's presence (they are asked to authorise it)
            auth <user> yes|no                 grant or deny a user this user's presence (asked or not)
            status <user>                      a user's presence, as far as they authorised it
            presence <status text>             this user's status text (and availability AVAILABLE)
            send <user|group> <text>           a message to a user (a UserID or a number, client or SMS-only) or a group
            poll [seconds]                     what waits: messages, presence, authorisation requests, invitations,
                                               group notices, delivery reports; waits that long for the first
            group <name>                       create the open group wv:<own number>/<name>@<domain> and join it
            join <group> [screen name]         join a group (its GroupID, e.g. wv:+447700900101/chat@mobim)
            leave <group>                      leave a group
            invite <user> [group] [note]       invite a user to chat, or to a group (a GroupID)
            accept <invitation> yes|no [note]  answer an invitation a poll showed
            block <user>                       refuse a user's messages and requests (the block list)
            unblock <user>                     take a user off the block list
            search <nick|number>               users by nickname (those listed in the directory) or by number
            cir tcp [host]                     be woken over standing TCP: connects, and polls on each WVCI
            cir sms | cir wap                  be woken by plain SMS or WAP push: hand its text to wake
            wake <WVCI text>                   the text of a wake SMS: polls if it names this session
            logout                             end the session (and the emulator)
            help                               this list""";

    private final WvHandset handset;
    private final String password;
    private final boolean digest;
    private final PrintStream out;
    private final Answers answers;
    private final Inbox inbox;
    private final PeopleCommands people;
    private final GroupCommands groups;
    private final CirCommands cir;
    /** Commands and wakes take turns: the handset runs one exchange at a time. */
    private final Object turn = new Object();
    /** Logged out: a wake read meanwhile has no session to poll. */
    private boolean loggedOut;

    /**
     * @param handset the handset, not logged in yet
     * @param password its client password
     * @param digest whether {@code login} uses the 4-way digest instead of the clear password
     * @param domain the domain a bare number is put in, for {@code add}, {@code send} and the others naming users
     * @param out where the answers are printed
     */
    public HandsetSession(WvHandset handset, String password, boolean digest, String domain, PrintStream out) {
        this.handset = handset;
        this.password = password;
        this.digest = digest;
        this.out = out;
        this.answers = new Answers(handset, domain, out);
        this.inbox = new Inbox(answers);
        this.people = new PeopleCommands(answers);
        this.groups = new GroupCommands(answers);
        this.cir = new CirCommands(answers, this::woken);
    }

    /** Runs the commands of {@code in}, one a line, until its end or {@code logout}; false if a command failed. */
    public boolean run(BufferedReader in, boolean prompt) throws IOException {
        try {
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
                ok &= executeReporting(line);
                if (line.equals("logout")) {
                    return ok;
                }
            }
        } finally {
            cir.closeTcp();
        }
    }

    private boolean executeReporting(String line) {
        synchronized (turn) {
            try {
                return execute(line);
            } catch (RuntimeException e) {
                out.println("failed: " + e.getMessage());
                return false;
            }
        }
    }

    /** One command; false when the platform refused it (an error line was printed). */
    public boolean execute(String line) {
        String[] words = line.split("\\s+", 2);
        String rest = words.length > 1 ? words[1].strip() : "";
        return switch (words[0].toLowerCase(Locale.ROOT)) {
            case "login" -> login();
            case "keepalive" -> keepAlive(rest);
            case "contacts" -> people.contacts();
            case "add" -> people.add(rest);
            case "subscribe" -> people.subscribe(rest);
            case "auth" -> people.authorise(rest);
            case "status" -> people.status(rest);
            case "presence" -> people.presence(rest);
            case "send" -> send(rest);
            case "poll" -> inbox.poll(rest);
            case "group" -> groups.create(rest);
            case "join" -> groups.join(rest);
            case "leave" -> groups.leave(rest);
            case "invite" -> groups.invite(rest);
            case "accept" -> groups.answer(rest);
            case "block" -> people.block(rest, true);
            case "unblock" -> people.block(rest, false);
            case "search" -> people.search(rest);
            case "cir" -> cir.cir(rest);
            case "wake" -> cir.wake(rest);
            case "logout" -> logout();
            case "help" -> {
                out.println(HELP);
                yield true;
            }
            default -> answers.usage("unknown command: " + words[0] + " (help lists them)");
        };
    }

    /** Logs in with the password, in clear or by digest: a new session, whatever became of the last one. */
    public boolean login() {
        cir.closeTcp(); // it named the old session
        LoginResponse answer = digest ? handset.loginDigest(password, "SHA", "MD5") : handset.login(password);
        if (!answers.succeeded(answer.result())) {
            return false;
        }
        loggedOut = false;
        out.println("logged in as " + handset.userId() + (digest ? " (digest)" : ""));
        return true;
    }

    private boolean keepAlive(String seconds) {
        int ttl;
        try {
            ttl = Integer.parseInt(seconds);
        } catch (NumberFormatException e) {
            return answers.usage("keepalive <seconds>");
        }
        KeepAliveResponse agreed = answers.ask(new KeepAliveRequest(ttl), KeepAliveResponse.class);
        if (agreed == null) {
            return false;
        }
        out.println("keep-alive " + agreed.keepAliveTime() + " s");
        return true;
    }

    /** SendMessage to a group when the target is a GroupID (it has a {@code /}), else to a user. */
    private boolean send(String args) {
        String[] words = args.split("\\s+", 2);
        if (words.length < 2) {
            return answers.usage("send <user|group> <text>");
        }
        Recipient to = words[0].contains("/") ? new Recipient(List.of(), List.of(new Group(words[0], null)), List.of())
                : new Recipient(List.of(new User(answers.userId(words[0]))), List.of(), List.of());
        SendMessageResponse answer = answers.ask(WvHandset.textMessage(false, words[1], to), SendMessageResponse.class);
        if (answer == null) {
            return false;
        }
        out.println("sent " + answer.messageId());
        return true;
    }

    private boolean logout() {
        cir.closeTcp();
        if (answers.ask(new LogoutRequest(), Disconnect.class) == null) {
            return false;
        }
        loggedOut = true;
        out.println("logged out");
        return true;
    }

    /** A wake (a WVCI line over TCP, or the text handed to {@code wake}): says so and polls, between commands. */
    private void woken(String wake) {
        synchronized (turn) {
            if (loggedOut) {
                return;
            }
            out.println("woken: " + wake);
            try {
                inbox.poll("");
            } catch (RuntimeException e) {
                out.println("failed: " + e.getMessage());
            }
        }
    }
}
