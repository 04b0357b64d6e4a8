package io.mobim.platform.wv;

import io.mobim.events.Msisdn;
import io.mobim.platform.subscribers.Subscribers;
import io.mobim.wv.StatusCode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Subscribers' CSP addresses: {@code wv:<E.164 number>@<domain>} ({@code wv:+447700900101@mobim}). Read leniently, as
 * real clients send them: without {@code wv:} (any case), without the {@code +}, without the domain, and a national
 * number in the operator's country code. Another domain is not ours (516); anything but a number is 531.
 */
public final class UserIds {

    private static final String SCHEME = "wv:";

    private final String domain;
    private final Subscribers subscribers;

    public UserIds(WvSettings settings, Subscribers subscribers) {
        this.domain = settings.domain();
        this.subscribers = subscribers;
    }

    /** The UserID of {@code msisdn}. */
    public String of(Msisdn msisdn) {
        return SCHEME + msisdn.value() + "@" + domain;
    }

    /** The ContactList ID of {@code owner}'s list {@code name}: {@code wv:+447700900101/friends@mobim}. */
    public String ofList(Msisdn owner, String name) {
        return SCHEME + owner.value() + "/" + name + "@" + domain;
    }

    /**
     * The list a ContactList ID names, which must be {@code owner}'s: {@code wv:<number>/<name>@<domain>}, read as
     * leniently as a UserID; a bare name is taken as one of the owner's lists.
     *
     * @throws CspFault 700 for another subscriber's list or a name that is not one (empty, longer than 50)
     */
    public String listName(Msisdn owner, String contactList) {
        if (contactList == null || contactList.isBlank()) {
            throw new CspFault(StatusCode.CONTACT_LIST_DOES_NOT_EXIST, "ContactList is missing");
        }
        String id = contactList.strip();
        int slash = id.indexOf('/');
        String name = id;
        if (slash >= 0) {
            int at = id.lastIndexOf('@');
            String user = id.substring(0, slash) + (at > slash ? id.substring(at) : "");
            name = at > slash ? id.substring(slash + 1, at) : id.substring(slash + 1);
            if (!(id.substring(0, slash).equalsIgnoreCase(SCHEME)) && !owner.equals(parse(user))) {
                throw new CspFault(StatusCode.CONTACT_LIST_DOES_NOT_EXIST, "Not one of your contact lists");
            }
        }
        if (name.isEmpty() || name.length() > 50) {
            throw new CspFault(StatusCode.CONTACT_LIST_DOES_NOT_EXIST, "A contact list name has 1 to 50 characters");
        }
        return name;
    }

    /** The numbers the UserIDs name, each once, in order; a UserID that names none is added to {@code failures}. */
    public List<Msisdn> parseAll(Collection<String> ids, Failures failures) {
        List<Msisdn> out = new ArrayList<>();
        for (String id : ids) {
            try {
                Msisdn m = parse(id);
                if (!out.contains(m)) {
                    out.add(m);
                }
            } catch (CspFault f) {
                failures.add(f, id);
            }
        }
        return out;
    }

    /**
     * The subscriber number a UserID names.
     *
     * @throws CspFault 516 for another domain, 531 for anything that is not a number
     */
    public Msisdn parse(String userId) {
        if (userId == null || userId.isBlank()) {
            throw new CspFault(StatusCode.UNKNOWN_USER, "UserID is missing");
        }
        String id = userId.strip();
        if (id.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            id = id.substring(SCHEME.length());
        }
        int at = id.lastIndexOf('@');
        if (at >= 0) {
            String theirs = id.substring(at + 1);
            if (!theirs.equalsIgnoreCase(domain)) {
                throw new CspFault(StatusCode.DOMAIN_NOT_SUPPORTED, "Domain " + theirs.toLowerCase(Locale.ROOT) + " is not served here");
            }
            id = id.substring(0, at);
        }
        if (id.indexOf('/') >= 0 || id.isEmpty()) {
            throw new CspFault(StatusCode.UNKNOWN_USER, "Not a user's ID");
        }
        try {
            return subscribers.parseNumber(id);
        } catch (IllegalArgumentException e) {
            throw new CspFault(StatusCode.UNKNOWN_USER, "A UserID here is a phone number: wv:+<number>@" + domain);
        }
    }
}
