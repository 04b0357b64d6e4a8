package io.mobim.wv.wbxml;

import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.wv.CspVersion;
import io.mobim.wv.WvCodec;
import io.mobim.wv.WvLimits;
import io.mobim.wv.model.MessageInfo;
import io.mobim.wv.model.Recipient;
import io.mobim.wv.model.SendMessageRequest;
import io.mobim.wv.model.Sender;
import io.mobim.wv.model.SessionDescriptor;
import io.mobim.wv.model.Transaction;
import io.mobim.wv.model.User;
import io.mobim.wv.model.WvMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A message body goes out as the UTF-8 bytes a handset expects, whatever characters it holds: plain ASCII,
 * ASCII then other scripts, emoji, and the characters WBXML cannot carry (NUL, unpaired surrogates) as U+FFFD,
 * each kind at the start, in the middle and at the end, in short and in long texts.
 */
class InlineStringTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "See you at 8 at the station",
        "\u00e9t\u00e9 \u00e0 Paris",
        "caf\u00e9",
        "on my way \uD83D\uDE00",
        "\uD83D\uDE00 first",
        "\u4f60\u597d, mobim",
        "a\u0000b",
        "\u0000",
        "x\uD800y",
        "end high \uD800",
        "\uDC00 low first",
        "tab\tand\nnewline & <markup>",
        "\u007f\u0080\u07ff\u0800\uffff",
    })
    void aBodyTravelsAsUtf8WithWhatWbxmlCannotCarryReplaced(String body) throws Exception {
        for (String text : List.of(body, body.repeat(40), "x".repeat(300) + body)) {
            WvMessage m = message(text);
            byte[] wbxml = WvCodec.wbxml().encode(m);

            String expected = text.replace('\u0000', '\uFFFD').replaceAll("\\p{Cs}", "\uFFFD");
            assertThat(containsInline(wbxml, expected.getBytes(StandardCharsets.UTF_8))).as("UTF-8 bytes of %s", text)
                    .isTrue();
            WvMessage back = WvCodec.wbxml().decode(wbxml, WvLimits.DEFAULT);
            assertThat(((SendMessageRequest) back.primitive()).contentData()).isEqualTo(expected);
        }
    }

    private static WvMessage message(String body) {
        MessageInfo info = new MessageInfo(null, null, null, null, body.length(),
                new Recipient(List.of(new User("wv:+447700900123@mobim")), List.of(), List.of()),
                new Sender(new User("wv:+447700900456@mobim"), null), null, null, null);
        return WvMessage.of(CspVersion.V1_2, SessionDescriptor.inband("s-1"),
                Transaction.request("1", new SendMessageRequest(false, info, body)));
    }

    /** Whether {@code doc} holds {@code utf8} as an inline string: STR_I, the bytes, NUL. */
    private static boolean containsInline(byte[] doc, byte[] utf8) {
        ByteArrayOutputStream inline = new ByteArrayOutputStream();
        inline.write(0x03);
        inline.writeBytes(utf8);
        inline.write(0);
        byte[] needle = inline.toByteArray();
        outer:
        for (int i = 0; i + needle.length <= doc.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (doc[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
