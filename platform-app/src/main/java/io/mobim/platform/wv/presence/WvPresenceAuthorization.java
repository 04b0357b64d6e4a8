package io.mobim.platform.wv.presence;

import io.mobim.events.Msisdn;
import io.mobim.platform.contacts.AuthorizationState;
import io.mobim.platform.contacts.Contacts;
import io.mobim.platform.presence.AttributeList;
import io.mobim.platform.presence.AttributeListKind;
import io.mobim.platform.presence.AttributeListRefused;
import io.mobim.platform.presence.AttributeLists;
import io.mobim.platform.wv.CspFault;
import io.mobim.platform.wv.CspRoutes;
import io.mobim.platform.wv.Failures;
import io.mobim.platform.wv.UserIds;
import io.mobim.platform.wv.session.WvSession;
import io.mobim.wv.StatusCode;
import io.mobim.wv.model.CancelAuthRequest;
import io.mobim.wv.model.CreateAttributeListRequest;
import io.mobim.wv.model.DeleteAttributeListRequest;
import io.mobim.wv.model.GetAttributeListRequest;
import io.mobim.wv.model.GetAttributeListResponse;
import io.mobim.wv.model.GetReactiveAuthStatusRequest;
import io.mobim.wv.model.GetReactiveAuthStatusResponse;
import io.mobim.wv.model.Presence;
import io.mobim.wv.model.Primitive;
import io.mobim.wv.model.ReactiveAuthState;
import io.mobim.wv.model.ReactiveAuthStatusList;
import io.mobim.wv.model.Result;
import io.mobim.wv.model.Status;
import io.mobim.wv.model.WvNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The presentity's side of presence authorisation over CSP, on the core's {@link AttributeLists} and {@link Contacts}:
 * CreateAttributeList, DeleteAttributeList and GetAttributeList (for users, for contact lists, the default list),
 * CancelAuth (take a watcher's authorisation back) and, in CSP 1.2, GetReactiveAuthStatus (GRANTED, DENIED or
 * PENDING per watcher). An attribute list is a grant: who it covers sees those attributes without being asked.
 */
public class WvPresenceAuthorization implements CspRoutes {

    private final AttributeLists lists;
    private final Contacts contacts;
    private final UserIds userIds;

    public WvPresenceAuthorization(AttributeLists lists, Contacts contacts, UserIds userIds) {
        this.lists = lists;
        this.contacts = contacts;
        this.userIds = userIds;
    }

    @Override
    public Primitive answer(WvSession session, String tid, Primitive request) {
        Msisdn me = session.msisdn();
        return switch (request) {
            case CreateAttributeListRequest q -> create(me, q);
            case DeleteAttributeListRequest q -> delete(me, q);
            case GetAttributeListRequest q -> get(me, q);
            case CancelAuthRequest q -> cancel(me, q);
            case GetReactiveAuthStatusRequest q -> reactiveStatus(me, q);
            default -> null;
        };
    }

    /** One list of the attributes named per user, per contact list and (DefaultList T) for everyone else. */
    Status create(Msisdn me, CreateAttributeListRequest q) {
        Set<io.mobim.platform.presence.PresenceAttribute> attributes = WvAttributeNames.of(q.presenceSubList());
        requireTarget(q.userIds(), q.contactLists(), q.defaultList());
        Failures failures = new Failures();
        int done = forEachTarget(me, q.userIds(), q.contactLists(), q.defaultList(), failures,
                w -> lists.set(me, AttributeList.forUser(w, attributes)),
                l -> lists.set(me, AttributeList.forContactList(l, attributes)),
                () -> lists.set(me, AttributeList.byDefault(attributes)));
        return new Status(failures.result(done > 0));
    }

    /** Deletes the lists named; one that does not exist is fine (the request's end state holds). */
    Status delete(Msisdn me, DeleteAttributeListRequest q) {
        requireTarget(q.userIds(), q.contactLists(), q.defaultList());
        Failures failures = new Failures();
        int done = forEachTarget(me, q.userIds(), q.contactLists(), q.defaultList(), failures,
                w -> lists.delete(me, AttributeListKind.USER, w, null),
                l -> lists.delete(me, AttributeListKind.CONTACT_LIST, null, l),
                () -> lists.delete(me, AttributeListKind.DEFAULT, null, null));
        return new Status(failures.result(done > 0));
    }

    /** The lists asked for (all of them when the request names none); a user or contact list without one is left out. */
    GetAttributeListResponse get(Msisdn me, GetAttributeListRequest q) {
        boolean all = q.userIds().isEmpty() && q.contactLists().isEmpty() && !Boolean.TRUE.equals(q.defaultList());
        Failures failures = new Failures();
        List<Msisdn> users = userIds.parseAll(q.userIds(), failures);
        List<String> names = new ArrayList<>();
        for (String id : q.contactLists()) {
            try {
                names.add(userIds.listName(me, id));
            } catch (CspFault f) {
                failures.add(f.status(), Failures.Kind.CONTACT_LIST, f.getMessage(), id);
            }
        }
        WvNode defaultList = null;
        List<Presence> presences = new ArrayList<>();
        for (AttributeList l : lists.lists(me)) {
            switch (l.kind()) {
                case DEFAULT -> {
                    if (all || Boolean.TRUE.equals(q.defaultList())) {
                        defaultList = WvNode.of("DefaultAttributeList", WvAttributeNames.subList(l.attributes()).toNode());
                    }
                }
                case CONTACT_LIST -> {
                    if (all || names.contains(l.contactList())) {
                        presences.add(new Presence(null, userIds.ofList(me, l.contactList()), WvAttributeNames.subList(l.attributes())));
                    }
                }
                case USER -> {
                    if (all || users.contains(l.watcher())) {
                        presences.add(new Presence(userIds.of(l.watcher()), null, WvAttributeNames.subList(l.attributes())));
                    }
                }
            }
        }
        return new GetAttributeListResponse(failures.result(true), defaultList, presences);
    }

    /** Takes a watcher's authorisation back: they see nothing until they subscribe again and are accepted. */
    Status cancel(Msisdn me, CancelAuthRequest q) {
        Msisdn watcher = userIds.parse(q.userId());
        if (!contacts.revoke(me, watcher)) {
            throw new CspFault(StatusCode.NOT_FOUND, "That user is not authorised");
        }
        return new Status(Result.of(StatusCode.SUCCESSFUL));
    }

    /** The state of each watcher named (of every watcher when none is): GRANTED, DENIED or PENDING. */
    GetReactiveAuthStatusResponse reactiveStatus(Msisdn me, GetReactiveAuthStatusRequest q) {
        Failures failures = new Failures();
        List<Msisdn> asked = userIds.parseAll(q.userIds(), failures);
        Map<Msisdn, AuthorizationState> known = contacts.authorizations(me);
        List<ReactiveAuthState> states = new ArrayList<>();
        for (Msisdn watcher : asked.isEmpty() && q.userIds().isEmpty() ? List.copyOf(known.keySet()) : asked) {
            AuthorizationState state = known.get(watcher);
            if (state == null) {
                failures.add(StatusCode.NOT_FOUND, "Not asked about", userIds.of(watcher));
            } else {
                states.add(new ReactiveAuthState(userIds.of(watcher), switch (state) {
                    case ACCEPTED -> "GRANTED";
                    case DENIED -> "DENIED";
                    case PENDING -> "PENDING";
                }));
            }
        }
        return new GetReactiveAuthStatusResponse(failures.result(!states.isEmpty()), new ReactiveAuthStatusList(states));
    }

    private static void requireTarget(List<String> users, List<String> contactLists, Boolean defaultList) {
        if (users.isEmpty() && contactLists.isEmpty() && !Boolean.TRUE.equals(defaultList)) {
            throw new CspFault(StatusCode.BAD_PARAMETER, "Name a UserID, a ContactList or DefaultList T");
        }
    }

    /** Does one thing per target, collecting what could not be done; returns how many were done. */
    private int forEachTarget(Msisdn me, List<String> users, List<String> contactLists, Boolean defaultList, Failures failures,
                              Consumer<Msisdn> forUser, Consumer<String> forList, Runnable forDefault) {
        int done = 0;
        for (String id : users) {
            try {
                forUser.accept(userIds.parse(id));
                done++;
            } catch (CspFault f) {
                failures.add(f, id);
            } catch (AttributeListRefused r) {
                failures.add(status(r), r.getMessage(), id);
            }
        }
        for (String id : contactLists) {
            try {
                forList.accept(userIds.listName(me, id));
                done++;
            } catch (CspFault f) {
                failures.add(f.status(), Failures.Kind.CONTACT_LIST, f.getMessage(), id);
            } catch (AttributeListRefused r) {
                failures.add(status(r), Failures.Kind.CONTACT_LIST, r.getMessage(), id);
            }
        }
        if (Boolean.TRUE.equals(defaultList)) {
            try {
                forDefault.run();
                done++;
            } catch (AttributeListRefused r) {
                throw new CspFault(status(r), r.getMessage());
            }
        }
        return done;
    }

    private static StatusCode status(AttributeListRefused r) {
        return switch (r.reason()) {
            case INVALID -> StatusCode.BAD_PARAMETER;
            case NO_SUCH_CONTACT_LIST -> StatusCode.CONTACT_LIST_DOES_NOT_EXIST;
            case LIMIT -> StatusCode.MAX_ATTRIBUTE_LISTS;
        };
    }
}
