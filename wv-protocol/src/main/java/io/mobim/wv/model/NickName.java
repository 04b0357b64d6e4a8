package io.mobim.wv.model;

/**
 * A CSP structure, carried in several primitives.
 *
 * @param name {@code <Name>}, or {@code null} when absent
 * @param userId {@code <UserID>}, or {@code null} when absent
 */
public record NickName(String name, String userId) {
}
