package io.mobim.wv.model;

import io.mobim.wv.model.presence.PresenceSubList;

/**
 * The CSP primitive {@code <InviteUser-Request>}.
 *
 * @param inviteId {@code <InviteID>}, or {@code null} when absent
 * @param inviteType {@code <InviteType>}, or {@code null} when absent
 * @param sender {@code <Sender>}, or {@code null} when absent
 * @param groupId {@code <GroupID>}, or {@code null} when absent
 * @param presenceSubList {@code <PresenceSubList>}, or {@code null} when absent
 * @param urlList {@code <URLList>}, or {@code null} when absent
 * @param inviteNote {@code <InviteNote>}, or {@code null} when absent
 * @param screenName {@code <ScreenName>}, or {@code null} when absent
 * @param validity {@code <Validity>}, or {@code null} when absent
 */
public record InviteUserRequest(String inviteId, String inviteType, Sender sender, String groupId, PresenceSubList presenceSubList, UrlList urlList, String inviteNote, ScreenName screenName, Integer validity) implements Primitive {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "InviteUser-Request";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
