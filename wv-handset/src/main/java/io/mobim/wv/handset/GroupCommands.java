package io.mobim.wv.handset;

import io.mobim.wv.model.CreateGroupRequest;
import io.mobim.wv.model.GroupProperties;
import io.mobim.wv.model.InviteRequest;
import io.mobim.wv.model.InviteUserResponse;
import io.mobim.wv.model.JoinGroupRequest;
import io.mobim.wv.model.JoinGroupResponse;
import io.mobim.wv.model.LeaveGroupResponse;
import io.mobim.wv.model.LeaveGroupRequest;
import io.mobim.wv.model.Property;
import io.mobim.wv.model.Recipient;
import io.mobim.wv.model.ScreenName;
import io.mobim.wv.model.Status;
import io.mobim.wv.model.User;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** The commands about groups and invitations: create, join and leave a group, invite, answer an invitation. */
final class GroupCommands {

    /** How long an invitation may be answered, in seconds (the platform caps it at its own limit). */
    private static final int INVITATION_VALIDITY = 600;

    private final Answers answers;
    private final PrintStream out;
    private int invitations;

    GroupCommands(Answers answers) {
        this.answers = answers;
        this.out = answers.out();
    }

    /** CreateGroup of an open group of this user's, joined and taking change notices. */
    boolean create(String name) {
        if (name.isEmpty() || name.contains(" ")) {
            return answers.usage("group <name>");
        }
        String groupId = answers.ownGroup(name);
        GroupProperties properties = new GroupProperties(List.of(new Property("Name", name), new Property("AccessType", "Open")), null);
        if (answers.ask(new CreateGroupRequest(groupId, properties, true, null, true), Status.class) == null) {
            return false;
        }
        out.println("created " + groupId);
        return true;
    }

    /** JoinGroup, asking for the joined users and for change notices; optionally under a screen name. */
    boolean join(String args) {
        String[] words = args.split("\\s+", 2);
        if (args.isEmpty()) {
            return answers.usage("join <group> [screen name]");
        }
        String group = words[0];
        ScreenName screen = words.length > 1 ? new ScreenName(words[1], group) : null;
        JoinGroupResponse joined = answers.ask(new JoinGroupRequest(group, screen, null, true, true), JoinGroupResponse.class);
        if (joined == null) {
            return false;
        }
        out.println("joined " + group + ", members " + Inbox.names(joined.userList(), joined.userMapList()));
        return true;
    }

    boolean leave(String group) {
        if (group.isEmpty()) {
            return answers.usage("leave <group>");
        }
        if (answers.ask(new LeaveGroupRequest(group), LeaveGroupResponse.class) == null) {
            return false;
        }
        out.println("left " + group);
        return true;
    }

    /** Invite-Request to chat ({@code IM}), or to a group ({@code GR}) when the second word is a GroupID. */
    boolean invite(String args) {
        String[] words = args.split("\\s+", 3);
        if (args.isEmpty()) {
            return answers.usage("invite <user> [group] [note]");
        }
        String userId = answers.userId(words[0]);
        String group = words.length > 1 && words[1].contains("/") ? words[1] : null;
        String note = group == null ? (words.length > 1 ? args.split("\\s+", 2)[1] : null) : (words.length > 2 ? words[2] : null);
        String inviteId = "inv-" + Long.toString(System.currentTimeMillis(), 36) + "-" + (++invitations);
        if (answers.ask(new InviteRequest(inviteId, group == null ? "IM" : "GR",
                new Recipient(List.of(new User(userId)), List.of(), List.of()), group, null, null, note, null, INVITATION_VALIDITY),
                Status.class) == null) {
            return false;
        }
        out.println("invited " + userId + (group == null ? "" : " to " + group) + " (" + inviteId + ")");
        return true;
    }

    /** InviteUser-Response: accepts or declines an invitation this user was offered. */
    boolean answer(String args) {
        String[] words = args.split("\\s+", 3);
        String answer = words.length >= 2 ? words[1].toLowerCase(Locale.ROOT) : "";
        if (!answer.equals("yes") && !answer.equals("no")) {
            return answers.usage("accept <invitation id> yes|no [note]");
        }
        boolean yes = answer.equals("yes");
        if (answers.ask(new InviteUserResponse(words[0], yes, words.length > 2 ? words[2] : null, null), Status.class) == null) {
            return false;
        }
        out.println((yes ? "accepted " : "declined ") + words[0]);
        return true;
    }
}
