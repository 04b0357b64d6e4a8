package io.mobim.wv.model;

/**
 * The CSP primitive {@code <GetJoinedUsers-Response>}.
 *
 * @param result {@code <Result>}, or {@code null} when absent
 * @param userMapList {@code <UserMapList>}, or {@code null} when absent
 * @param adminMapList {@code <AdminMapList>}, or {@code null} when absent
 */
public record GetJoinedUsersResponse(Result result, UserMapList userMapList, WvNode adminMapList) implements Primitive {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "GetJoinedUsers-Response";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
