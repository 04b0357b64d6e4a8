package io.mobim.wv.model;

/**
 * The CSP primitive {@code <Search-Response>}.
 *
 * @param result {@code <Result>}, or {@code null} when absent
 * @param searchId {@code <SearchID>}, or {@code null} when absent
 * @param searchFindings {@code <SearchFindings>}, or {@code null} when absent
 * @param completionFlag {@code <CompletionFlag>}, or {@code null} when absent
 * @param searchIndex {@code <SearchIndex>}, or {@code null} when absent
 * @param searchResult {@code <SearchResult>}, or {@code null} when absent
 */
public record SearchResponse(Result result, String searchId, Integer searchFindings, Boolean completionFlag, Integer searchIndex, SearchResult searchResult) implements Primitive {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "Search-Response";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
