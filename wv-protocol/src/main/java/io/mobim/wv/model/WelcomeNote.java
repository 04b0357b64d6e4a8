package io.mobim.wv.model;

/**
 * A CSP structure, carried in several primitives.
 *
 * @param contentType {@code <ContentType>}, or {@code null} when absent
 * @param contentEncoding {@code <ContentEncoding>}, or {@code null} when absent
 * @param contentData {@code <ContentData>}, or {@code null} when absent
 */
public record WelcomeNote(String contentType, String contentEncoding, String contentData) {
}
