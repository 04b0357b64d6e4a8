package io.mobim.wv.model;

/**
 * A CSP structure, carried in several primitives.
 *
 * @param groupId {@code <GroupID>}, or {@code null} when absent
 * @param screenName {@code <ScreenName>}, or {@code null} when absent
 */
public record Group(String groupId, ScreenName screenName) {
}
