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
}
