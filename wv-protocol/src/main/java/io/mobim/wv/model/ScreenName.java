package io.mobim.wv.model;

/**
 * A CSP structure, carried in several primitives.
 *
 * @param sName {@code <SName>}, or {@code null} when absent
 * @param groupId {@code <GroupID>}, or {@code null} when absent
 */
public record ScreenName(String sName, String groupId) {
}
