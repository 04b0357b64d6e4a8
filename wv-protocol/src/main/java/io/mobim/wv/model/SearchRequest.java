package io.mobim.wv.model;

import java.util.List;

/**
 * The CSP primitive {@code <Search-Request>}.
 *
 * @param searchPairs {@code <SearchPairList>}, repeated
 * @param searchLimit {@code <SearchLimit>}, or {@code null} when absent
 * @param searchId {@code <SearchID>}, or {@code null} when absent
 * @param searchIndex {@code <SearchIndex>}, or {@code null} when absent
 */
public record SearchRequest(List<SearchPair> searchPairs, Integer searchLimit, String searchId, Integer searchIndex) implements Primitive {
    public SearchRequest {
        searchPairs = Lists.copy(searchPairs);
    }

    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "Search-Request";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
