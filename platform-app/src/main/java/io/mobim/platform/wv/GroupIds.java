package io.mobim.platform.wv;

import io.mobim.events.Msisdn;
import io.mobim.platform.rooms.Groups;
import io.mobim.wv.StatusCode;

/**
 * Group addresses: a subscriber's group is {@code wv:<owner's E.164 number>/<name>@<domain>}
 * ({@code wv:+447700900101/chat@mobim}), an operator's public room {@code wv:/<room>@<domain>}. Read as leniently as
 * UserIDs; each is one room of the IM core.
 */
public final class GroupIds {

    private final UserIds userIds;
    private final String domain;

    public GroupIds(UserIds userIds, WvSettings settings) {
        this.userIds = userIds;
        this.domain = settings.domain();
    }

    /** The GroupID of room {@code room}. */
    public String of(String room) {
        return "wv:" + (room.indexOf('/') < 0 ? "/" : "") + room + "@" + domain;
    }

    /**
     * The room a GroupID names.
     *
     * @throws CspFault 800 for anything that is not a GroupID, 516 for another domain
     */
    public String room(String groupId) {
        if (groupId == null || groupId.isBlank()) {
            throw new CspFault(StatusCode.GROUP_DOES_NOT_EXIST, "GroupID is missing");
        }
        String id = groupId.strip();
        int slash = id.indexOf('/');
        if (slash < 0) {
            throw new CspFault(StatusCode.GROUP_DOES_NOT_EXIST, "A GroupID is wv:<owner>/<group>@" + domain);
        }
        int at = id.lastIndexOf('@');
        String name = at > slash ? id.substring(slash + 1, at) : id.substring(slash + 1);
        String owner = id.substring(0, slash);
        if (at > slash && !id.substring(at + 1).equalsIgnoreCase(domain)) {
            throw new CspFault(StatusCode.DOMAIN_NOT_SUPPORTED, "Groups of other domains are not served here");
        }
        if (name.isEmpty() || !Groups.NAME.matcher(name).matches()) {
            throw new CspFault(StatusCode.GROUP_DOES_NOT_EXIST, "No such group");
        }
        if (owner.isEmpty() || owner.equalsIgnoreCase("wv:")) {
            return name.toLowerCase(java.util.Locale.ROOT);
        }
        return Groups.key(owner(owner), name);
    }

    private Msisdn owner(String owner) {
        try {
            return userIds.parse(owner);
        } catch (CspFault f) {
            throw new CspFault(StatusCode.GROUP_DOES_NOT_EXIST, "No such group");
        }
    }
}
