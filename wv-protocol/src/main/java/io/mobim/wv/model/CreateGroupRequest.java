package io.mobim.wv.model;

/**
 * The CSP primitive {@code <CreateGroup-Request>}.
 *
 * @param groupId {@code <GroupID>}, or {@code null} when absent
 * @param groupProperties {@code <GroupProperties>}, or {@code null} when absent
 * @param joinGroup {@code <JoinGroup>}, or {@code null} when absent
 * @param screenName {@code <ScreenName>}, or {@code null} when absent
 * @param subscribeNotification {@code <SubscribeNotification>}, or {@code null} when absent
 */
public record CreateGroupRequest(String groupId, GroupProperties groupProperties, Boolean joinGroup, ScreenName screenName, Boolean subscribeNotification) implements Primitive {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "CreateGroup-Request";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
