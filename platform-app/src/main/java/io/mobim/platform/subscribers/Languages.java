package io.mobim.platform.subscribers;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A subscriber's language tag ({@code im.subscriber.locale}) as a {@link Locale}. A handful of tags is stored, and
 * the SMS path reads one per command: parsing the tag each time ({@link Locale#forLanguageTag}) costs more than the
 * lookup of an already parsed one.
 */
public final class Languages {

    private static final int MAX_KNOWN = 1_000;
    private static final ConcurrentHashMap<String, Locale> KNOWN = new ConcurrentHashMap<>();

    private Languages() {
    }

    /** The locale of a BCP 47 tag, as {@link Locale#forLanguageTag} reads it. */
    public static Locale of(String tag) {
        Locale known = KNOWN.get(tag);
        if (known != null) {
            return known;
        }
        Locale parsed = Locale.forLanguageTag(tag);
        if (KNOWN.size() < MAX_KNOWN) {   // the tags come from the database, not from outside: bounded all the same
            KNOWN.putIfAbsent(tag, parsed);
        }
        return parsed;
    }
}
