package io.mobim.platform.messaging;

/**
 * Which channel has a delivery ({@code im.delivery.channel}, whose value is the constant's name; null while it waits
 * unclaimed for a client session).
 */
public enum DeliveryChannel {
    /** Sent as an SMS through the gateway. */
    SMS,
    /** Claimed by (and, once delivered, acknowledged by) a client session. */
    CLIENT;

    /** The value in {@code im.delivery.channel}, to bind. */
    public String value() {
        return name();
    }

    /** The channel of an {@code im.delivery.channel} value, or null for none. */
    public static DeliveryChannel of(String value) {
        return value == null ? null : valueOf(value);
    }
}
