package io.mobim.wv.model;

import java.util.List;

/**
 * A CSP structure, carried in several primitives.
 *
 * @param urls {@code <URL>}, repeated
 */
public record UrlList(List<String> urls) {
    public UrlList {
        urls = Lists.copy(urls);
    }
}
