package io.mobim.wv.model;

/**
 * The CSP primitive {@code <Status>}.
 *
 * @param result {@code <Result>}, or {@code null} when absent
 */
public record Status(Result result) implements Primitive {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "Status";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
