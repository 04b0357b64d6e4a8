package io.mobim.wv.model;

/**
 * A CSP structure, carried in several primitives.
 *
 * @param messageId {@code <MessageID>}, or {@code null} when absent
 * @param messageUri {@code <MessageURI>}, or {@code null} when absent
 * @param contentType {@code <ContentType>}, or {@code null} when absent
 * @param contentEncoding {@code <ContentEncoding>}, or {@code null} when absent
 * @param contentSize {@code <ContentSize>}, or {@code null} when absent
 * @param recipient {@code <Recipient>}, or {@code null} when absent
 * @param sender {@code <Sender>}, or {@code null} when absent
 * @param screenName {@code <ScreenName>}, or {@code null} when absent
 * @param dateTime {@code <DateTime>}, or {@code null} when absent
 * @param validity {@code <Validity>}, or {@code null} when absent
 */
public record MessageInfo(String messageId, String messageUri, String contentType, String contentEncoding, Integer contentSize, Recipient recipient, Sender sender, ScreenName screenName, String dateTime, Integer validity) {
}
