package io.mobim.wv.model;

/**
 * The CSP primitive {@code <RejectList-Response>}.
 *
 * @param result {@code <Result>}, or {@code null} when absent
 * @param userList {@code <UserList>}, or {@code null} when absent
 */
public record RejectListResponse(Result result, UserList userList) implements Primitive {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "RejectList-Response";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
