package io.mobim.wv.model;

/**
 * The CSP primitive {@code <JoinGroup-Response>}.
 *
 * @param result {@code <Result>}, or {@code null} when absent
 * @param userList {@code <UserList>}, or {@code null} when absent
 * @param userMapList {@code <UserMapList>}, or {@code null} when absent
 * @param welcomeNote {@code <WelcomeNote>}, or {@code null} when absent
 */
public record JoinGroupResponse(Result result, UserList userList, UserMapList userMapList, WelcomeNote welcomeNote) implements Primitive {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "JoinGroup-Response";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
