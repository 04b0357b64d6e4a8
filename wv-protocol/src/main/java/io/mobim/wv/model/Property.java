package io.mobim.wv.model;

/**
 * A CSP structure, carried in several primitives.
 *
 * @param name {@code <Name>}, or {@code null} when absent
 * @param value {@code <Value>}, or {@code null} when absent
 */
public record Property(String name, String value) {
}
