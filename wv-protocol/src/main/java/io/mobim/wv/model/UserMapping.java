package io.mobim.wv.model;

/**
 * A CSP structure, carried in several primitives.
 *
 * @param userId {@code <UserID>}, or {@code null} when absent
 * @param sName {@code <SName>}, or {@code null} when absent
 */
public record UserMapping(String userId, String sName) {
}
