package io.mobim.smpp.codec;

/** The text needs more parts than the configured maximum: the MT is rejected, not truncated. */
public class MessageTooLongException extends IllegalArgumentException {

    private final int parts;

    public MessageTooLongException(int parts, int maxParts) {
        super("text needs " + parts + " SMS parts, more than the maximum " + maxParts);
        this.parts = parts;
    }

    public int parts() {
        return parts;
    }
}
