package io.mobim.platform.wv.contacts;

import io.mobim.events.Msisdn;
import io.mobim.platform.contacts.Contact;
import io.mobim.platform.contacts.ContactLimitReached;
import io.mobim.platform.contacts.Contacts;
import io.mobim.platform.wv.CspFault;
import io.mobim.platform.wv.UserIds;
import io.mobim.wv.StatusCode;
import io.mobim.wv.model.CreateListRequest;
import io.mobim.wv.model.DeleteListRequest;
import io.mobim.wv.model.DetailedResult;
import io.mobim.wv.model.GetListResponse;
import io.mobim.wv.model.ListManageRequest;
import io.mobim.wv.model.ListManageResponse;
import io.mobim.wv.model.NickList;
import io.mobim.wv.model.NickName;
import io.mobim.wv.model.Property;
import io.mobim.wv.model.PropertyList;
import io.mobim.wv.model.Result;
import io.mobim.wv.model.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * CSP contact lists on the subscriber's buddy list ({@link Contacts}): the default list is the buddy list itself
 * (every contact is on it, the SMS channel numbers them), named lists are subsets of it. Adding to any list adds to
 * the buddy list and asks the contact for authorisation; removing from a named list leaves the contact on the others,
 * removing from the default list removes the contact. CSP nicknames may have spaces, the buddy list's may not: they
 * are kept with underscores.
 */
public class WvContactLists {

    private static final Pattern NOT_IN_NICKNAME = Pattern.compile("[^\\p{L}\\p{N}_.-]+");

    private final Contacts contacts;
    private final UserIds userIds;

    public WvContactLists(Contacts contacts, UserIds userIds) {
        this.contacts = contacts;
        this.userIds = userIds;
    }

    /** The subscriber's lists, the default one first. */
    public GetListResponse lists(Msisdn owner) {
        contacts.createList(owner, contacts.defaultList(), contacts.defaultList()); // a client always has its default list
        List<String> names = contacts.listNames(owner);
        List<String> ids = names.stream().map(n -> userIds.ofList(owner, n)).toList();
        String defaultList = names.contains(contacts.defaultList()) ? userIds.ofList(owner, contacts.defaultList()) : null;
        return new GetListResponse(Result.of(StatusCode.SUCCESSFUL), ids, defaultList);
    }

    /** Creates a list (701 if it exists) with its first members. */
    public Status create(Msisdn owner, CreateListRequest q) {
        String name = userIds.listName(owner, q.contactList());
        if (contacts.listExists(owner, name)) {
            throw new CspFault(StatusCode.CONTACT_LIST_ALREADY_EXISTS, "Contact list already exists");
        }
        try {
            contacts.createList(owner, name, displayName(q.properties(), name));
        } catch (ContactLimitReached e) {
            throw new CspFault(StatusCode.MAX_CONTACT_LISTS, "Maximum number of contact lists reached");
        }
        List<DetailedResult> failures = add(owner, name, q.nickList());
        return new Status(result(failures));
    }

    /** Deletes a named list (700 if there is none); its members stay on the buddy list. */
    public Status delete(Msisdn owner, DeleteListRequest q) {
        String name = userIds.listName(owner, q.contactList());
        if (!contacts.listExists(owner, name)) {
            throw new CspFault(StatusCode.CONTACT_LIST_DOES_NOT_EXIST, "Contact list does not exist");
        }
        if (name.equals(contacts.defaultList())) {
            throw new CspFault(StatusCode.BAD_PARAMETER, "The default contact list cannot be deleted");
        }
        contacts.deleteList(owner, name);
        return new Status(Result.of(StatusCode.SUCCESSFUL));
    }

    /** Adds and removes members of a list (700 if there is none) and answers with its members. */
    public ListManageResponse manage(Msisdn owner, ListManageRequest q) {
        String name = userIds.listName(owner, q.contactList());
        if (name.equals(contacts.defaultList())) {
            contacts.createList(owner, name, name);
        } else if (!contacts.listExists(owner, name)) {
            throw new CspFault(StatusCode.CONTACT_LIST_DOES_NOT_EXIST, "Contact list does not exist");
        }
        List<DetailedResult> failures = add(owner, name, q.addNickList());
        if (q.removeNickList() != null) {
            for (String userId : q.removeNickList().userIds()) {
                try {
                    contacts.removeFromList(owner, name, userIds.parse(userId));
                } catch (CspFault f) {
                    failures.add(failure(f.status(), f.getMessage(), userId));
                }
            }
        }
        List<Contact> members = contacts.onList(owner, name);
        NickList nickList = new NickList(members.stream().map(c -> new NickName(c.nickname(), userIds.of(c.msisdn()))).toList());
        PropertyList properties = new PropertyList(List.of(new Property("Default", name.equals(contacts.defaultList()) ? "T" : "F")));
        return new ListManageResponse(result(failures), nickList, properties);
    }

    private List<DetailedResult> add(Msisdn owner, String list, NickList nickList) {
        List<DetailedResult> failures = new ArrayList<>();
        if (nickList == null) {
            return failures;
        }
        for (NickName n : nickList.nickNames()) {
            try {
                contacts.add(owner, userIds.parse(n.userId()), nickname(n.name()), list);
            } catch (CspFault f) {
                failures.add(failure(f.status(), f.getMessage(), n.userId()));
            } catch (ContactLimitReached e) {
                failures.add(failure(StatusCode.MAX_CONTACTS, "Maximum number of contacts reached", n.userId()));
            } catch (IllegalArgumentException e) { // a bad nickname (InvalidSubscriberData), or the owner themselves
                failures.add(failure(StatusCode.BAD_PARAMETER, "Not a contact you can add", n.userId()));
            }
        }
        return failures;
    }

    /** A CSP nickname as the buddy list keeps it, or null to let the buddy list choose (the contact's own). */
    private static String nickname(String name) {
        if (name == null) {
            return null;
        }
        String kept = NOT_IN_NICKNAME.matcher(name.strip()).replaceAll("_");
        kept = kept.length() > 32 ? kept.substring(0, 32) : kept;
        return kept.isEmpty() ? null : kept;
    }

    private static String displayName(PropertyList properties, String name) {
        if (properties != null) {
            for (Property p : properties.properties()) {
                if ("DisplayName".equalsIgnoreCase(p.name()) && p.value() != null && !p.value().isBlank()) {
                    String d = p.value().strip();
                    return d.length() > 50 ? d.substring(0, 50) : d;
                }
            }
        }
        return name;
    }

    private static DetailedResult failure(StatusCode status, String description, String userId) {
        return new DetailedResult(status.code(), description, List.of(userId), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private static Result result(List<DetailedResult> failures) {
        if (failures.isEmpty()) {
            return Result.of(StatusCode.SUCCESSFUL);
        }
        return new Result(StatusCode.PARTIALLY_SUCCESSFUL.code(), StatusCode.PARTIALLY_SUCCESSFUL.meaning(), failures);
    }
}
