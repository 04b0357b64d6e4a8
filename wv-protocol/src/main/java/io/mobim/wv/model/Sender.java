package io.mobim.wv.model;

/**
 * A CSP structure, carried in several primitives.
 *
 * @param user {@code <User>}, or {@code null} when absent
 * @param group {@code <Group>}, or {@code null} when absent
 */
public record Sender(User user, Group group) {
}
