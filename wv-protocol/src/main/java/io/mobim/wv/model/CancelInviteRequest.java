package io.mobim.wv.model;

import io.mobim.wv.model.presence.PresenceSubList;

/**
 * The CSP primitive {@code <CancelInvite-Request>}.
 *
 * @param inviteId {@code <InviteID>}, or {@code null} when absent
 * @param recipient {@code <Recipient>}, or {@code null} when absent
 * @param groupId {@code <GroupID>}, or {@code null} when absent
 * @param presenceSubList {@code <PresenceSubList>}, or {@code null} when absent
 * @param urlList {@code <URLList>}, or {@code null} when absent
 * @param responseNote {@code <ResponseNote>}, or {@code null} when absent
 * @param screenName {@code <ScreenName>}, or {@code null} when absent
 */
public record CancelInviteRequest(String inviteId, Recipient recipient, String groupId, PresenceSubList presenceSubList, UrlList urlList, String responseNote, ScreenName screenName) implements Primitive {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "CancelInvite-Request";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
