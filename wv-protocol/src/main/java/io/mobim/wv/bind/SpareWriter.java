package io.mobim.wv.bind;

import java.util.function.Supplier;

/**
 * An encoder's writer, one kept per thread and reused from one document to the next: its buffers are most of an
 * encoding's garbage. A writer whose buffer grew past {@value #KEPT_CAPACITY} bytes gives it up after the document.
 */
public abstract class SpareWriter {

    private static final int KEPT_CAPACITY = 16 * 1024;

    private final int capacity;
    protected ByteBuf buf;
    private boolean busy;

    protected SpareWriter(int capacity) {
        this.capacity = capacity;
        this.buf = new ByteBuf(capacity);
    }

    /** The thread's writer, or a new one if it is in use (an encoding within an encoding); {@link #release} it after. */
    public static <W extends SpareWriter> W take(ThreadLocal<W> spare, Supplier<W> make) {
        W w = spare.get();
        if (w == null || ((SpareWriter) w).busy) {
            w = make.get();
            spare.set(w);
        }
        ((SpareWriter) w).busy = true;
        return w;
    }

    /** The bytes written. */
    public final byte[] toByteArray() {
        return buf.toByteArray();
    }

    /** After the document: the writer is free for the thread's next. */
    public final void release() {
        busy = false;
        if (buf.capacity() > KEPT_CAPACITY) {
            buf = new ByteBuf(capacity);
        }
    }
}
