package io.mobim.wv.model;

/**
 * A CSP structure, carried in several primitives.
 *
 * @param userId {@code <UserID>}, or {@code null} when absent
 * @param status {@code <ReactiveAuthStatus>}, or {@code null} when absent
 */
public record ReactiveAuthState(String userId, String status) {
}
