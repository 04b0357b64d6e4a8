package io.mobim.wv.bind;

/**
 * A decoded element: the intermediate tree both decoders build (elements unknown to the tag table
 * are never attached), before {@link Binder} maps it onto records.
 */
public final class Elem {

    public final int tag;
    private String text;
    private StringBuilder pieces;
    Elem first;
    Elem last;
    Elem next;

    public Elem(int tag) {
        this.tag = tag;
    }

    public void add(Elem child) {
        if (last == null) {
            first = child;
        } else {
            last.next = child;
        }
        last = child;
    }

    /** Appends character data; many pieces (WBXML tokens, XML split by comments) cost linear time. */
    public void appendText(String s) {
        if (pieces != null) {
            pieces.append(s);
        } else if (text == null) {
            text = s;
        } else {
            pieces = new StringBuilder(text.length() + s.length() + 16).append(text).append(s);
            text = null;
        }
    }

    public boolean hasChildren() {
        return first != null;
    }

    /** The character data, or {@code null} if there was none. */
    public String text() {
        if (pieces != null) {
            text = pieces.toString();
            pieces = null;
        }
        return text;
    }

    /** Drops whitespace-only text of an element that has children (XML indentation). */
    public void trimIndentation() {
        if (first != null && text() != null && text.isBlank()) {
            text = null;
        }
    }
}
