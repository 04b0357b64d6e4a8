package io.mobim.platform.wv.messaging;

import io.mobim.platform.wv.CspFault;
import io.mobim.events.Sha256;
import io.mobim.wv.StatusCode;
import io.mobim.wv.model.MessageInfo;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A client message's text as the core keeps it: Base64 content decoded, and the markup of an HTML message (Movistar's
 * clients send {@code text/html} with a {@code <span style=...>} around the text) taken out, since the text may go
 * out as an SMS.
 */
final class MessageContent {

    private static final DateTimeFormatter CSP_DATE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    private MessageContent() {
    }

    /** The text of a message's content. */
    static String text(MessageInfo info, String contentData) {
        if (contentData == null) {
            throw new CspFault(StatusCode.BAD_PARAMETER, "ContentData is missing");
        }
        String text = contentData;
        if (info.contentEncoding() != null && info.contentEncoding().strip().equalsIgnoreCase("BASE64")) {
            try {
                text = new String(Base64.getMimeDecoder().decode(contentData.strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new CspFault(StatusCode.BAD_PARAMETER, "ContentData is not Base64");
            }
        }
        String type = info.contentType() == null ? "" : info.contentType().toLowerCase(Locale.ROOT);
        if (type.contains("html")) {
            text = unescape(TAG.matcher(text).replaceAll("")).strip();
        }
        return text;
    }

    /** A CSP DateTime, {@code 20010925T134000Z}. */
    static String dateTime(Instant at) {
        return CSP_DATE_TIME.format(at);
    }

    /** A short, URL-safe digest of {@code s} (27 characters). */
    static String digest(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Sha256.of(s)).substring(0, 27);
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&apos;", "'").replace("&nbsp;", " ").replace("&amp;", "&");
    }
}
