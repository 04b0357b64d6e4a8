package io.mobim.wv.model;

/**
 * The CSP primitive {@code <JoinGroup-Request>}.
 *
 * @param groupId {@code <GroupID>}, or {@code null} when absent
 * @param screenName {@code <ScreenName>}, or {@code null} when absent
 * @param ownProperties {@code <OwnProperties>}, or {@code null} when absent
 * @param joinedRequest {@code <JoinedRequest>}, or {@code null} when absent
 * @param subscribeNotification {@code <SubscribeNotification>}, or {@code null} when absent
 */
public record JoinGroupRequest(String groupId, ScreenName screenName, PropertyList ownProperties, Boolean joinedRequest, Boolean subscribeNotification) implements Primitive {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "JoinGroup-Request";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
