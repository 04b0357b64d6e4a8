package io.mobim.wv.bind;

/**
 * A writer's encodings of recurring immutable values (typed presence attributes: a few values across a whole
 * population), so that an equal value is written as a copy of the bytes written for it before ({@link Sink#repeat}).
 * Direct-mapped by the value's hash; a value takes its slot only when it is written twice in a row there, so values
 * that never recur cost the look-up only. An encoding is kept with the writer's state it was written in and the
 * state it left, and used only in that state. Not thread-safe: one per writer.
 */
public final class KeptEncodings {

    private static final int SLOTS = 64;

    private final Object[] values = new Object[SLOTS];
    private final byte[][] bytes = new byte[SLOTS][];
    /** The writer's state (a WBXML code page) and context (the version written) before each, and the state after. */
    private final int[] states = new int[SLOTS];
    private final Object[] contexts = new Object[SLOTS];
    private final int[] endStates = new int[SLOTS];
    /** The hash of the last value that missed in each slot. */
    private final int[] missed = new int[SLOTS];
    /** The slot, hash, start and state of the value being written. */
    private int slot;
    private int hash;
    private int from;
    private int state;
    private Object context;

    /**
     * The bytes kept for a value equal to {@code value} written in {@code state} and {@code context}, or {@code null};
     * the writer is then to write the value and call {@link #keep}.
     */
    public byte[] find(Object value, int state, Object context, ByteBuf buf) {
        int h = value.hashCode();
        int i = (h ^ h >>> 16) & (SLOTS - 1);
        Object v = values[i];
        if (v != null && states[i] == state && contexts[i] == context && (v == value || v.equals(value))) {
            slot = i;
            return bytes[i];
        }
        this.slot = i;
        this.hash = h;
        this.from = buf.size();
        this.state = state;
        this.context = context;
        return null;
    }

    /** The writer's state after the value {@link #find} found. */
    public int endState() {
        return endStates[slot];
    }

    /** After writing the value {@link #find} did not find, leaving the writer in {@code endState}. */
    public void keep(Object value, ByteBuf buf, int endState) {
        int i = slot;
        if (missed[i] == hash) {
            values[i] = value;
            bytes[i] = buf.copy(from);
            states[i] = state;
            contexts[i] = context;
            endStates[i] = endState;
        } else {
            missed[i] = hash;
        }
    }
}
