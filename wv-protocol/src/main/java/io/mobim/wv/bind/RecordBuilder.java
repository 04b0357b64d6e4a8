package io.mobim.wv.bind;

/**
 * The components of one record being decoded, in typed fields (no {@code Object[]}, integers not
 * boxed), and the call of its constructor. One generated subclass per record in {@link RecordBuilders};
 * the field numbers are the schema's. A repeated single element keeps the last value; a list
 * ignores {@code null} (an empty element).
 */
abstract class RecordBuilder {

    /** A value of field {@code i}: a String, a Boolean, a nested record or a WvNode; {@code null} clears it. */
    abstract void set(int i, Object v);

    /** An integer value of field {@code i}. */
    abstract void setInt(int i, int v);

    /** The record. */
    abstract Object build();
}
