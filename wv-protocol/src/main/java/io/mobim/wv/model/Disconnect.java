package io.mobim.wv.model;

/**
 * The CSP primitive {@code <Disconnect>}.
 *
 * @param result {@code <Result>}, or {@code null} when absent
 */
public record Disconnect(Result result) implements Primitive {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "Disconnect";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
