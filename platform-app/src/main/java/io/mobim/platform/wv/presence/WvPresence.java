package io.mobim.platform.wv.presence;

import io.mobim.events.Msisdn;
import io.mobim.platform.contacts.AuthorizationState;
import io.mobim.platform.contacts.ContactLimitReached;
import io.mobim.platform.contacts.Contacts;
import io.mobim.platform.messaging.GroupCommit;
import io.mobim.platform.presence.Availability;
import io.mobim.platform.presence.PresenceChange;
import io.mobim.platform.presence.PresenceAttribute;
import io.mobim.platform.presence.PresenceService;
import io.mobim.platform.presence.PresenceView;
import io.mobim.platform.wv.CspFault;
import io.mobim.platform.wv.Failures;
import io.mobim.platform.wv.UserIds;
import io.mobim.platform.wv.session.WvSession;
import io.mobim.platform.wv.session.WvSessions;
import io.mobim.wv.StatusCode;
import io.mobim.wv.model.DetailedResult;
import io.mobim.wv.model.GetPresenceRequest;
import io.mobim.wv.model.GetPresenceResponse;
import io.mobim.wv.model.GetWatcherListResponse;
import io.mobim.wv.model.Presence;
import io.mobim.wv.model.PresenceAuthRequest;
import io.mobim.wv.model.PresenceAuthUser;
import io.mobim.wv.model.PresenceNotificationRequest;
import io.mobim.wv.model.Result;
import io.mobim.wv.model.Status;
import io.mobim.wv.model.SubscribePresenceRequest;
import io.mobim.wv.model.UnsubscribePresenceRequest;
import io.mobim.wv.model.UpdatePresenceRequest;
import io.mobim.wv.model.User;
import io.mobim.wv.model.presence.CommC;
import io.mobim.wv.model.presence.CommCap;
import io.mobim.wv.model.presence.OnlineStatus;
import io.mobim.wv.model.presence.PresenceSubList;
import io.mobim.wv.model.presence.StatusText;
import io.mobim.wv.model.presence.UserAvailability;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * CSP presence on the IM core's ({@link PresenceService}): what a watcher sees is what the presentity authorised
 * (RFC 2779), the same as by SMS. Attributes served: OnlineStatus (a live client), UserAvailability (AVAILABLE,
 * DISCREET for busy, NOT_AVAILABLE for away or invisible), StatusText, and CommCap (IM open while a client is live,
 * SMS while SMS reaches them). Subscribing puts the user on the buddy list and asks them for authorisation (by SMS, and
 * by a PresenceAuth-Request on their client's next poll); changes of every authorised contact then go out on the
 * client's polls.
 */
public class WvPresence {

    private final PresenceService presence;
    private final GroupCommit groupCommit;
    private final Contacts contacts;
    private final UserIds userIds;
    private final WvSessions sessions;

    public WvPresence(PresenceService presence, GroupCommit groupCommit, Contacts contacts, UserIds userIds, WvSessions sessions) {
        this.presence = presence;
        this.groupCommit = groupCommit;
        this.contacts = contacts;
        this.userIds = userIds;
        this.sessions = sessions;
    }

    /**
     * Changes the attributes the client sent and keeps the others, committed with the other sessions' changes of the
     * moment ({@link GroupCommit#changePresence}).
     */
    public Status update(Msisdn me, UpdatePresenceRequest q) {
        PresenceSubList sub = q.presenceSubList();
        if (sub == null || sub.attributes().isEmpty()) {
            throw new CspFault(StatusCode.BAD_PARAMETER, "PresenceSubList is missing");
        }
        Availability availability = null; // kept unless the client sent one
        String statusText = null;
        String availabilityValue = value(sub, "UserAvailability");
        if (availabilityValue != null) {
            availability = switch (availabilityValue.strip().toUpperCase(Locale.ROOT)) {
                case "AVAILABLE" -> Availability.AVAILABLE;
                case "DISCREET" -> Availability.BUSY;
                case "NOT_AVAILABLE" -> Availability.AWAY;
                default -> throw new CspFault(StatusCode.INVALID_PRESENCE_VALUE, "UserAvailability is AVAILABLE, DISCREET or NOT_AVAILABLE");
            };
        }
        if ("F".equalsIgnoreCase(value(sub, "OnlineStatus"))) {
            availability = Availability.INVISIBLE;
        }
        boolean newStatusText = sub.get("StatusText") != null;
        if (newStatusText) {
            statusText = value(sub, "StatusText");
            if (statusText != null && statusText.length() > PresenceService.STATUS_TEXT_MAX) {
                throw new CspFault(StatusCode.INVALID_PRESENCE_VALUE, "A StatusText has at most " + PresenceService.STATUS_TEXT_MAX + " characters");
            }
        }
        groupCommit.changePresence(new PresenceChange(me, availability, newStatusText, statusText));
        return new Status(Result.of(StatusCode.SUCCESSFUL));
    }

    /** The presence of the users and lists asked, as far as each authorised the watcher; the others are listed as 534. */
    public GetPresenceResponse get(Msisdn watcher, GetPresenceRequest q) {
        Map<Msisdn, String> asked = new LinkedHashMap<>();
        List<String> refused = new ArrayList<>();
        for (User u : q.users()) {
            try {
                asked.putIfAbsent(userIds.parse(u.userId()), u.userId());
            } catch (CspFault f) {
                refused.add(u.userId());
            }
        }
        for (String list : q.contactLists()) {
            String name = userIds.listName(watcher, list);
            contacts.onList(watcher, name)
                    .forEach(c -> asked.putIfAbsent(c.msisdn(), userIds.of(c.msisdn())));
        }
        List<Presence> presences = new ArrayList<>();
        asked.forEach((msisdn, userId) -> presence.view(watcher, msisdn).ifPresentOrElse(
                v -> presences.add(new Presence(userId, subList(v, q.presenceSubList()))), () -> refused.add(userId)));
        Result result = refused.isEmpty() ? Result.of(StatusCode.SUCCESSFUL)
                : new Result(presences.isEmpty() ? StatusCode.RECIPIENT_NOT_AUTHORIZED.code() : StatusCode.PARTIALLY_SUCCESSFUL.code(),
                        presences.isEmpty() ? "Not authorised" : StatusCode.PARTIALLY_SUCCESSFUL.meaning(),
                        List.of(new DetailedResult(StatusCode.RECIPIENT_NOT_AUTHORIZED.code(), "Not authorised", refused,
                                List.of(), List.of(), List.of(), List.of(), List.of())));
        return new GetPresenceResponse(result, presences);
    }

    /** Puts the users on the watcher's buddy list, which asks each for authorisation (once). */
    public Status subscribe(Msisdn watcher, SubscribePresenceRequest q) {
        List<String> failed = new ArrayList<>();
        for (User u : q.users()) {
            try {
                Msisdn who = userIds.parse(u.userId());
                if (!who.equals(watcher)) {
                    contacts.add(watcher, who, null, null);
                }
            } catch (CspFault | ContactLimitReached | IllegalArgumentException e) {
                failed.add(u.userId());
            }
        }
        for (String list : q.contactLists()) {
            userIds.listName(watcher, list); // members of one's own lists are on the buddy list, asked already
        }
        if (failed.isEmpty()) {
            return new Status(Result.of(StatusCode.SUCCESSFUL));
        }
        return new Status(new Result(StatusCode.PARTIALLY_SUCCESSFUL.code(), StatusCode.PARTIALLY_SUCCESSFUL.meaning(),
                List.of(new DetailedResult(StatusCode.UNKNOWN_USER.code(), "Could not subscribe", failed, List.of(), List.of(),
                        List.of(), List.of(), List.of()))));
    }

    /**
     * Stops watching the users (and the members of the lists) named, who stay contacts; subscribing again asks them
     * anew. A user not watched is fine, a UserID that is not one is named (201).
     */
    public Status unsubscribe(Msisdn watcher, UnsubscribePresenceRequest q) {
        if (q.users().isEmpty() && q.contactLists().isEmpty()) {
            throw new CspFault(StatusCode.BAD_PARAMETER, "User or ContactList is missing");
        }
        Failures failures = new Failures();
        Set<Msisdn> who = new LinkedHashSet<>(userIds.parseAll(q.users().stream().map(User::userId).toList(), failures));
        for (String list : q.contactLists()) {
            String name = userIds.listName(watcher, list);
            contacts.onList(watcher, name)
                    .forEach(c -> who.add(c.msisdn()));
        }
        who.forEach(presentity -> contacts.unsubscribe(watcher, presentity));
        return new Status(failures.result(!who.isEmpty()));
    }

    /** Who may see the user's presence now. */
    public GetWatcherListResponse watchers(Msisdn presentity) {
        return new GetWatcherListResponse(Result.of(StatusCode.SUCCESSFUL), contacts.watchers(presentity).stream().map(userIds::of).toList());
    }

    /**
     * The presentity's answer to a would-be watcher, or their decision before being asked (a grant lets the user see
     * as soon as they subscribe, a refusal keeps them from asking).
     */
    public Status authorize(Msisdn presentity, PresenceAuthUser q) {
        Msisdn watcher = userIds.parse(q.userId());
        if (watcher.equals(presentity)) {
            throw new CspFault(StatusCode.BAD_PARAMETER, "One always sees one's own presence");
        }
        contacts.decide(presentity, watcher, Boolean.FALSE.equals(q.acceptance()) ? AuthorizationState.DENIED : AuthorizationState.ACCEPTED);
        return new Status(Result.of(StatusCode.SUCCESSFUL));
    }

    /**
     * The next would-be watcher the client has not been asked about, or empty; always empty for a client that did not
     * agree reactive authorisation (its user's attribute lists decide, and SMS still tells them).
     */
    public Optional<PresenceAuthRequest> authorizationRequest(WvSession session) {
        if (!sessions.reactiveAuthorization(session)) {
            return Optional.empty();
        }
        return contacts.nextRequestForClient(session.msisdn()).map(watcher -> new PresenceAuthRequest(userIds.of(watcher),
                PresenceSubList.select("OnlineStatus", "UserAvailability", "StatusText", "CommCap")));
    }

    /** The contacts whose presence changed since the session's last notification, or empty. */
    public Optional<PresenceNotificationRequest> changes(WvSession session) {
        List<PresenceView> changed = presence.changesFor(session.clientSession());
        if (changed.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PresenceNotificationRequest(changed.stream()
                .map(v -> new Presence(userIds.of(v.msisdn()), subList(v, null))).toList()));
    }

    /**
     * The attributes of a view, all or those selected (an empty element in the request names one), of those the
     * presentity's attribute lists let the watcher see.
     */
    private static PresenceSubList subList(PresenceView v, PresenceSubList selection) {
        List<io.mobim.wv.model.presence.PresenceAttribute> attributes = new ArrayList<>();
        if (v.shows(PresenceAttribute.ONLINE_STATUS)) {
            attributes.add(OnlineStatus.of(v.clientOnline()));
        }
        if (v.shows(PresenceAttribute.AVAILABILITY)) {
            attributes.add(UserAvailability.of(switch (v.availability()) {
                case AVAILABLE -> io.mobim.wv.model.presence.Availability.AVAILABLE;
                case BUSY -> io.mobim.wv.model.presence.Availability.DISCREET;
                case AWAY, INVISIBLE -> io.mobim.wv.model.presence.Availability.NOT_AVAILABLE;
            }));
        }
        if (v.statusText() != null) {
            attributes.add(StatusText.of(v.statusText()));
        }
        if (v.shows(PresenceAttribute.COMM_CAP)) {
            attributes.add(CommCap.of(CommC.of("IM", v.clientOnline() ? "OPEN" : "CLOSED"),
                    CommC.of("SMS", v.smsReachable() ? "OPEN" : "CLOSED")));
        }
        if (selection != null && !selection.attributes().isEmpty()) {
            attributes.removeIf(a -> selection.get(a.element()) == null);
        }
        return new PresenceSubList(attributes);
    }

    /** The text of an attribute's PresenceValue, typed or not ({@code null} when absent or empty). */
    private static String value(PresenceSubList sub, String attribute) {
        io.mobim.wv.model.presence.PresenceAttribute a = sub.get(attribute);
        return a == null ? null : a.toNode().childText("PresenceValue");
    }
}
