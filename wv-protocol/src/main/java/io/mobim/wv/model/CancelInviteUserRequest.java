package io.mobim.wv.model;

import io.mobim.wv.model.presence.PresenceSubList;

/**
 * The CSP primitive {@code <CancelInviteUser-Request>}.
 *
 * @param inviteId {@code <InviteID>}, or {@code null} when absent
 * @param sender {@code <Sender>}, or {@code null} when absent
 * @param groupId {@code <GroupID>}, or {@code null} when absent
 * @param presenceSubList {@code <PresenceSubList>}, or {@code null} when absent
 * @param urlList {@code <URLList>}, or {@code null} when absent
 * @param responseNote {@code <ResponseNote>}, or {@code null} when absent
 * @param screenName {@code <ScreenName>}, or {@code null} when absent
 */
public record CancelInviteUserRequest(String inviteId, Sender sender, String groupId, PresenceSubList presenceSubList, UrlList urlList, String responseNote, ScreenName screenName) implements Primitive {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "CancelInviteUser-Request";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
