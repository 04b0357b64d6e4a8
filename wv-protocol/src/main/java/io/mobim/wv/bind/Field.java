package io.mobim.wv.bind;

/** One component of a record: the child element that carries it and its type. */
public final class Field {

    final int tag;
    final int tag12;
    final Kind kind;
    final Schema<?> sub;
    final boolean list;

    private Field(int tag, int tag12, Kind kind, Schema<?> sub, boolean list) {
        this.tag = tag;
        this.tag12 = tag12;
        this.kind = kind;
        this.sub = sub;
        this.list = list;
    }

    /**
     * @param element the element name in CSP 1.1 (and 1.2 unless {@code element12} differs)
     * @param element12 the element name when writing CSP 1.2; both are accepted when reading
     */
    static Field of(String element, String element12, Kind kind, Schema<?> sub, boolean list) {
        if ((kind == Kind.REC) != (sub != null)) {
            throw new IllegalStateException("schema for " + element);
        }
        return new Field(TagTable.require(element), TagTable.require(element12), kind, sub, list);
    }
}
