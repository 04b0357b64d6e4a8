package io.mobim.wv.model;

/**
 * A CSP structure, carried in several primitives.
 *
 * @param url {@code <URL>}, or {@code null} when absent
 * @param msisdn {@code <MSISDN>}, or {@code null} when absent
 */
public record ClientId(String url, String msisdn) {
}
