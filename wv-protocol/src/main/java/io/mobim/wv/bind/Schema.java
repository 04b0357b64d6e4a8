package io.mobim.wv.bind;

/**
 * The layout of one record: its fields in element order (the order of the record's components).
 * Lookups from a child tag to a field are one array read. Building and writing the record is
 * generated code ({@link RecordBuilders}, {@link RecordWriters}), selected by {@link #id}.
 */
public final class Schema<R> {

    /** Schemas are created once, by {@link Schemas}' class initialisation, which numbers them. */
    private static int created;

    final Class<R> type;
    final int tag;
    final Field[] fields;
    /** Position in {@link Schemas}' declarations: the generated binders switch on it. */
    final int id;
    private final byte[] fieldByTag = new byte[TagTable.SIZE];

    private Schema(Class<R> type, int tag, Field[] fields) {
        this.type = type;
        this.tag = tag;
        this.fields = fields;
        this.id = created++;
        for (int i = 0; i < fields.length; i++) {
            fieldByTag[fields[i].tag] = (byte) (i + 1);
            fieldByTag[fields[i].tag12] = (byte) (i + 1);
        }
    }

    static <R> Schema<R> of(Class<R> type, String element, Field... fields) {
        return new Schema<>(type, element == null ? -1 : TagTable.require(element), fields);
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
