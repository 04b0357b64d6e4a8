package io.mobim.wv.bind;

/**
 * A decoded element: the intermediate tree both decoders build (elements unknown to the tag table
 * are never attached), before {@link Binder} maps it onto records.
 */
public final class Elem {

    public final int tag;
    private String text;
    private StringBuilder pieces;
    /** The whole content when it is one WBXML OPAQUE integer (no decimal round trip), else -1. */
    private long number = -1;
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
        if (number >= 0) {
            text = Long.toString(number);
            number = -1;
        }
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

    /** Appends a non-negative integer (a WBXML OPAQUE integer). */
    public void appendNumber(long v) {
        if (number < 0 && text == null && pieces == null) {
            number = v;
        } else {
            appendText(Long.toString(v));
        }
    }

    /** The content as a number if it is exactly one OPAQUE integer, else -1. */
    long number() {
        return number;
    }

    /** The character data, or {@code null} if there was none. */
    public String text() {
        if (number >= 0 && text == null) {
            text = Long.toString(number);
        }
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
