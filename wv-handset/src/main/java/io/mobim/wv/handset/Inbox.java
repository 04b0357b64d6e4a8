package io.mobim.wv.handset;

import static io.mobim.wv.handset.Answers.nullToEmpty;

import io.mobim.wv.model.CancelInviteUserRequest;
import io.mobim.wv.model.DeliveryReportRequest;
import io.mobim.wv.model.Disconnect;
import io.mobim.wv.model.GetMessageRequest;
import io.mobim.wv.model.GetMessageResponse;
import io.mobim.wv.model.GroupChangeNotice;
import io.mobim.wv.model.InviteResponse;
import io.mobim.wv.model.InviteUserRequest;
import io.mobim.wv.model.MemberList;
import io.mobim.wv.model.MessageInfo;
import io.mobim.wv.model.MessageNotification;
import io.mobim.wv.model.NewMessage;
import io.mobim.wv.model.Presence;
import io.mobim.wv.model.PresenceAuthRequest;
import io.mobim.wv.model.PresenceNotificationRequest;
import io.mobim.wv.model.ScreenName;
import io.mobim.wv.model.Sender;
import io.mobim.wv.model.Status;
import io.mobim.wv.model.Transaction;
import io.mobim.wv.model.User;
import io.mobim.wv.model.UserList;
import io.mobim.wv.model.UserMapList;
import io.mobim.wv.model.UserMapping;
import io.mobim.wv.model.presence.PresenceAttribute;
import io.mobim.wv.model.presence.PresenceSubList;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the platform hands out on Polling-Request, printed a line each and answered as a handset does: a message is
 * confirmed delivered (or fetched, in notify mode), anything else acknowledged.
 */
final class Inbox {

    private static final Duration POLL_PAUSE = Duration.ofMillis(500);

    private final Answers answers;
    private final WvHandset handset;
    private final PrintStream out;

    Inbox(Answers answers) {
        this.answers = answers;
        this.handset = answers.handset();
        this.out = answers.out();
    }

    /**
     * Polls until nothing more is waiting, printing each item; with a number of seconds, first waits up to that long
     * for one. A session that is over prints its error.
     */
    boolean poll(String args) {
        long patience;
        try {
            patience = args.isEmpty() ? 0 : Duration.ofSeconds(Long.parseLong(args)).toNanos();
        } catch (NumberFormatException e) {
            return answers.usage("poll [seconds]");
        }
        long deadline = System.nanoTime() + patience;
        int items = 0;
        while (true) {
            Transaction t = handset.poll();
            if (t != null && t.primitive() instanceof Status s) {
                return answers.succeeded(s.result()); // a poll of a session that is over
            }
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
            case InviteResponse r -> {
                out.println("invitation " + r.inviteId() + (Boolean.TRUE.equals(r.acceptance()) ? " accepted" : " declined")
                        + " by " + sender(r.sender()) + (r.responseNote() == null ? "" : ": " + r.responseNote()));
                handset.acknowledge(t);
            }
            case CancelInviteUserRequest c -> {
                out.println("invitation " + c.inviteId() + " withdrawn by " + sender(c.sender()));
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

    static String attributes(Presence presence) {
        PresenceSubList list = presence.presenceSubList();
        if (list == null) {
            return "";
        }
        return list.attributes().stream().map(PresenceAttribute::toNode)
                .map(a -> a.name() + "=" + nullToEmpty(a.childText("PresenceValue")))
                .collect(Collectors.joining(" "));
    }

    /**
     * The users of a joined-users list or a change notice: UserIDs, and screen names (CSP 1.1 lists them alone, 1.2
     * maps each to its UserID where the group shows them, {@code Bobby=wv:...}).
     */
    static String names(UserList list, UserMapList mapped) {
        List<String> all = new ArrayList<>();
        if (list != null) {
            list.users().stream().map(User::userId).forEach(all::add);
            list.screenNames().stream().map(ScreenName::sName).forEach(all::add);
        }
        if (mapped != null) {
            mapped.mappings().stream().map(Inbox::mapping).forEach(all::add);
        }
        return all.isEmpty() ? "-" : String.join(",", all);
    }

    private static String mapping(UserMapping m) {
        return m.sName() == null ? m.userId() : m.userId() == null ? m.sName() : m.sName() + "=" + m.userId();
    }

    private static String members(MemberList list) {
        return list == null ? "-" : names(list.userList(), list.userMapList());
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
        // a Group is a GroupID or a ScreenName, which names its group itself
        ScreenName screen = sender.group().screenName();
        String group = sender.group().groupId() != null || screen == null ? sender.group().groupId() : screen.groupId();
        return (screen == null ? "" : screen.sName() + " in ") + group;
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
