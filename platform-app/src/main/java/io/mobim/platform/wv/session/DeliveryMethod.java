package io.mobim.platform.wv.session;

/** CSP {@code InitialDeliveryMethod} / {@code DeliveryMethod}: how a client gets a new message. */
public enum DeliveryMethod {
    /** Push: the message itself goes out on the next poll ({@code NewMessage}). */
    PUSH("P"),
    /** Notify: a {@code MessageNotification} goes out, the client fetches with {@code GetMessage}. */
    NOTIFY("N");

    private final String code;

    DeliveryMethod(String code) {
        this.code = code;
    }

    /** The wire value, also stored in {@code im.wv_session.delivery_method}. */
    public String code() {
        return code;
    }

    /** The method of a wire value; push for anything but {@code N}. */
    public static DeliveryMethod of(String code) {
        return "N".equalsIgnoreCase(code == null ? null : code.strip()) ? NOTIFY : PUSH;
    }
}
