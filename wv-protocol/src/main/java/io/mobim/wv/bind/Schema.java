package io.mobim.wv.bind;

import java.util.function.Function;

/**
 * The layout of one record: its fields in element order, and a constructor taking the decoded
 * values in that order. Lookups from a child tag to a field are one array read.
 */
public final class Schema<R> {

    final Class<R> type;
    final int tag;
    final Field[] fields;
    final Function<Object[], R> constructor;
    /** All components of a record at once: one call per record when writing, not one per field. */
    final Function<Object, Object[]> components;
    private final byte[] fieldByTag = new byte[TagTable.SIZE];
    /** Whether some field repeats (its values are collected in a list). */
    final boolean hasLists;

    @SuppressWarnings("unchecked")
    private Schema(Class<R> type, int tag, Function<Object[], R> constructor, Function<R, Object[]> components,
            Field[] fields) {
        this.type = type;
        this.components = (Function<Object, Object[]>) components;
        this.tag = tag;
        this.fields = fields;
        this.constructor = constructor;
        boolean lists = false;
        for (int i = 0; i < fields.length; i++) {
            lists |= fields[i].list;
            fieldByTag[fields[i].tag] = (byte) (i + 1);
            fieldByTag[fields[i].tag12] = (byte) (i + 1);
        }
        this.hasLists = lists;
    }

    static <R> Schema<R> of(Class<R> type, String element, Function<Object[], R> constructor,
            Function<R, Object[]> components, Field... fields) {
        return new Schema<>(type, element == null ? -1 : TagTable.require(element), constructor, components, fields);
    }

    /** Index of the field fed by this child tag, or -1. */
    int fieldIndex(int childTag) {
        return fieldByTag[childTag] - 1;
    }

    /** The record type. */
    public Class<R> type() {
        return type;
    }

    /** The element tag id of a primitive, or -1 for a structure. */
    public int tag() {
        return tag;
    }
}
