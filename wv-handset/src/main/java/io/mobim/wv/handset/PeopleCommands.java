package io.mobim.wv.handset;

import io.mobim.wv.model.AccessList;
import io.mobim.wv.model.BlockEntityRequest;
import io.mobim.wv.model.EntityList;
import io.mobim.wv.model.GetListRequest;
import io.mobim.wv.model.GetListResponse;
import io.mobim.wv.model.GetPresenceRequest;
import io.mobim.wv.model.GetPresenceResponse;
import io.mobim.wv.model.ListManageRequest;
import io.mobim.wv.model.ListManageResponse;
import io.mobim.wv.model.NickList;
import io.mobim.wv.model.NickName;
import io.mobim.wv.model.PresenceAuthUser;
import io.mobim.wv.model.SearchPair;
import io.mobim.wv.model.SearchRequest;
import io.mobim.wv.model.SearchResponse;
import io.mobim.wv.model.Status;
import io.mobim.wv.model.SubscribePresenceRequest;
import io.mobim.wv.model.UpdatePresenceRequest;
import io.mobim.wv.model.User;
import io.mobim.wv.model.presence.Availability;
import io.mobim.wv.model.presence.PresenceSubList;
import io.mobim.wv.model.presence.StatusText;
import io.mobim.wv.model.presence.UserAvailability;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** The commands about other users: the contact list, presence and its authorisation, blocking, search. */
final class PeopleCommands {

    private final Answers answers;
    private final PrintStream out;

    PeopleCommands(Answers answers) {
        this.answers = answers;
        this.out = answers.out();
    }

    boolean contacts() {
        GetListResponse lists = answers.ask(new GetListRequest(), GetListResponse.class);
        if (lists == null) {
            return false;
        }
        if (lists.defaultContactList() == null) {
            out.println("contacts 0");
            return true;
        }
        ListManageResponse list = answers.ask(new ListManageRequest(lists.defaultContactList(), null, null, null, true),
                ListManageResponse.class);
        if (list == null) {
            return false;
        }
        List<NickName> names = list.nickList() == null ? List.of() : list.nickList().nickNames();
        out.println("contacts " + names.size());
        names.forEach(n -> out.println("  " + n.name() + " " + n.userId()));
        return true;
    }

    boolean add(String args) {
        String[] words = args.split("\\s+", 2);
        if (args.isEmpty()) {
            return answers.usage("add <number> [nick]");
        }
        String userId = answers.userId(words[0]);
        String nick = words.length > 1 ? words[1] : words[0];
        GetListResponse lists = answers.ask(new GetListRequest(), GetListResponse.class);
        if (lists == null || answers.ask(new ListManageRequest(lists.defaultContactList(),
                new NickList(List.of(new NickName(nick, userId))), null, null, false), ListManageResponse.class) == null) {
            return false;
        }
        out.println("added " + userId + " as " + nick);
        return true;
    }

    /** SubscribePresence: the user is asked to authorise this one, unless they did already. */
    boolean subscribe(String user) {
        if (user.isEmpty()) {
            return answers.usage("subscribe <user>");
        }
        String userId = answers.userId(user);
        if (answers.ask(new SubscribePresenceRequest(List.of(new User(userId)), List.of(), null, true), Status.class) == null) {
            return false;
        }
        out.println("subscribed to " + userId);
        return true;
    }

    /** PresenceAuth-User: grants or denies a watcher (asked or not yet) this user's presence. */
    boolean authorise(String args) {
        String[] words = args.split("\\s+");
        String answer = words.length == 2 ? words[1].toLowerCase(Locale.ROOT) : "";
        if (!answer.equals("yes") && !answer.equals("no")) {
            return answers.usage("auth <user> yes|no");
        }
        String userId = answers.userId(words[0]);
        boolean grant = answer.equals("yes");
        if (answers.ask(new PresenceAuthUser(userId, grant), Status.class) == null) {
            return false;
        }
        out.println((grant ? "authorised " : "refused ") + userId);
        return true;
    }

    /** GetPresence of one user: what this user was authorised to see. */
    boolean status(String user) {
        if (user.isEmpty()) {
            return answers.usage("status <user>");
        }
        GetPresenceResponse seen = answers.ask(new GetPresenceRequest(List.of(new User(answers.userId(user))), List.of(), null),
                GetPresenceResponse.class);
        if (seen == null) {
            return false;
        }
        seen.presences().forEach(p -> out.println("presence " + p.userId() + ": " + Inbox.attributes(p)));
        return true;
    }

    boolean presence(String text) {
        if (text.isEmpty()) {
            return answers.usage("presence <status text>");
        }
        if (answers.ask(new UpdatePresenceRequest(PresenceSubList.of(UserAvailability.of(Availability.AVAILABLE),
                StatusText.of(text))),
                Status.class) == null) {
            return false;
        }
        out.println("presence set");
        return true;
    }

    /** Adds a user to the block list and puts the list in use, or takes them off it. */
    boolean block(String user, boolean blocking) {
        if (user.isEmpty()) {
            return answers.usage(blocking ? "block <user>" : "unblock <user>");
        }
        String userId = answers.userId(user);
        EntityList them = new EntityList(List.of(userId), List.of(), List.of());
        AccessList change = blocking ? new AccessList(true, null, them, null) : new AccessList(null, null, null, them);
        if (answers.ask(new BlockEntityRequest(change, null), Status.class) == null) {
            return false;
        }
        out.println((blocking ? "blocked " : "unblocked ") + userId);
        return true;
    }

    boolean search(String what) {
        if (what.isEmpty()) {
            return answers.usage("search <nick|number>");
        }
        String key = Answers.isNumber(what) ? "USER_MOBILE_NUMBER" : "USER_ALIAS";
        SearchResponse found = answers.ask(new SearchRequest(List.of(new SearchPair(key, what)), null, null, null),
                SearchResponse.class);
        if (found == null) {
            return false;
        }
        List<User> users = found.searchResult() == null || found.searchResult().userList() == null ? List.of()
                : found.searchResult().userList().users();
        out.println("found " + users.size());
        users.forEach(u -> out.println("  " + u.userId()));
        return true;
    }
}
