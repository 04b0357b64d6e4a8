package io.mobim.wv.bind;

/**
 * Where {@link Binder} writes a message: the XML and WBXML encoders. Elements that carry a
 * namespace ({@code WV-CSP-Message}, {@code TransactionContent}, {@code PresenceSubList}) get it
 * from the sink, which knows the version.
 */
public interface Sink {

    void start(int tag);

    void end();

    void text(String s);

    /** An element with text content; "" gives an empty element. */
    void leaf(int tag, String s);

    /** An integer element. */
    void leafInt(int tag, long v);

    /**
     * Before writing an immutable value whose encoding recurs (a typed presence attribute): {@code true} if the sink
     * wrote what it kept for an equal value, and the caller writes nothing; else the caller writes it and then
     * calls {@link #wrote}.
     */
    default boolean repeat(Object value) {
        return false;
    }

    /** After writing the value {@link #repeat} did not: the sink may keep what was written for it. */
    default void wrote(Object value) {
    }
}
