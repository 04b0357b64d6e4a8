package io.mobim.wv.model;

import io.mobim.wv.model.presence.PresenceSubList;

/**
 * The CSP primitive {@code <Invite-Request>}.
 *
 * @param inviteId {@code <InviteID>}, or {@code null} when absent
 * @param inviteType {@code <InviteType>}, or {@code null} when absent
 * @param recipient {@code <Recipient>}, or {@code null} when absent
 * @param groupId {@code <GroupID>}, or {@code null} when absent
 * @param presenceSubList {@code <PresenceSubList>}, or {@code null} when absent
 * @param urlList {@code <URLList>}, or {@code null} when absent
 * @param inviteNote {@code <InviteNote>}, or {@code null} when absent
 * @param screenName {@code <ScreenName>}, or {@code null} when absent
 * @param validity {@code <Validity>}, or {@code null} when absent
 */
public record InviteRequest(String inviteId, String inviteType, Recipient recipient, String groupId, PresenceSubList presenceSubList, UrlList urlList, String inviteNote, ScreenName screenName, Integer validity) implements Primitive {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "Invite-Request";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
