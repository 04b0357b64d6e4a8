package io.mobim.wv.bind;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Values the decoders share between documents (user IDs, date-times, short values) always come back as
 * the document says, in WBXML and in XML: a recurring sender, a stream of senders never seen again, values of the
 * same length, the same bytes in different elements, date-times of the same second and of the next, and short
 * message bodies, interleaved on one thread as a server sees them.
 */
class SharedStringsTest {

    @Test
    void everyDocumentDecodesToItsOwnValues() throws Exception {
        Random random = new Random(18);
        List<String> regulars = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            regulars.add(user(random));
        }
        for (int i = 0; i < 20_000; i++) {
            // two in three from a few regulars (often twice in a row), the rest once each from a large population
            String from = random.nextInt(3) > 0 ? regulars.get(random.nextInt(regulars.size())) : user(random);
            String to = random.nextBoolean() ? regulars.get(i % regulars.size()) : user(random);
            String tx = Integer.toString(random.nextInt(1 << random.nextInt(20)));
            String body = random.nextBoolean() ? tx : "ok " + i;
            String session = random.nextBoolean() ? "s-" + (i / 7) : "s-" + tx;
            String dateTime = random.nextInt(4) == 0 ? null : String.format("202611%02dT14%02d%02dZ", 1 + i / 3000,
                    (i / 60) % 60, random.nextInt(3) > 0 ? i % 60 : random.nextInt(60));
            WvMessage m = message(session, from, to, tx, body, dateTime);
            for (WvCodec codec : List.of(WvCodec.wbxml(), WvCodec.xml())) {
                assertThat(codec.decode(codec.encode(m), WvLimits.DEFAULT)).isEqualTo(m);
            }
        }
    }

    /** A number of 9 to 12 digits, so that many IDs have the same length and differ only inside. */
    private static String user(Random random) {
        long digits = (long) Math.pow(10, 8 + random.nextInt(4));
        return "wv:+44" + (digits + (long) (random.nextDouble() * digits * 9)) + "@mobim.example";
    }

    private static WvMessage message(String session, String from, String to, String tx, String body, String dateTime) {
        MessageInfo info = new MessageInfo(null, null, "text/plain", null, body.length(),
                new Recipient(List.of(new User(to)), List.of(), List.of()), new Sender(new User(from), null),
                null, dateTime, null);
        return WvMessage.of(CspVersion.V1_2, SessionDescriptor.inband(session),
                Transaction.request(tx, new SendMessageRequest(false, info, body)));
    }
}
