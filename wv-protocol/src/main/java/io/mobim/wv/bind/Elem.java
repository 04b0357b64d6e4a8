package io.mobim.wv.bind;

/**
 * A decoded element: the intermediate tree both decoders build (elements unknown to the tag table
 * are never attached), before {@link Binder} maps it onto records.
 */
public final class Elem {

    public final int tag;
    String text;
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

    public void appendText(String s) {
        text = text == null ? s : text.concat(s);
    }

    public boolean hasChildren() {
        return first != null;
    }

    public String text() {
        return text;
    }

    /** Drops whitespace-only text of an element that has children (XML indentation). */
    public void trimIndentation() {
        if (first != null && text != null && text.isBlank()) {
            text = null;
        }
    }
}
