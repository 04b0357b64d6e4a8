package io.mobim.wv.model;

/**
 * The CSP primitive {@code <GetReactiveAuthStatus-Response>}.
 *
 * @param result {@code <Result>}, or {@code null} when absent
 * @param statusList {@code <ReactiveAuthStatusList>}, or {@code null} when absent
 */
public record GetReactiveAuthStatusResponse(Result result, ReactiveAuthStatusList statusList) implements Primitive {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "GetReactiveAuthStatus-Response";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
