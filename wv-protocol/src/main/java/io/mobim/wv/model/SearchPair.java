package io.mobim.wv.model;

/**
 * A CSP structure, carried in several primitives.
 *
 * @param searchElement {@code <SearchElement>}, or {@code null} when absent
 * @param searchString {@code <SearchString>}, or {@code null} when absent
 */
public record SearchPair(String searchElement, String searchString) {
}
