package io.mobim.wv.model.presence;

/** The values of {@code UserAvailability}. */
public enum Availability {
    AVAILABLE, DISCREET, NOT_AVAILABLE;

    /** The value spelt exactly so, or {@code null}. */
    public static Availability parse(String s) {
        return switch (s) {
            case "AVAILABLE" -> AVAILABLE;
            case "DISCREET" -> DISCREET;
            case "NOT_AVAILABLE" -> NOT_AVAILABLE;
            default -> null;
        };
    }
}
