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
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Values the decoder shares between documents (user IDs, short values) always come back as the document
 * says: a recurring sender, a stream of senders never seen again, values of the same length, the same
 * bytes in different elements, and short message bodies, interleaved on one thread as a server sees them.
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
            WvMessage m = message(from, to, tx, body);
            WvMessage back = WvCodec.wbxml().decode(WvCodec.wbxml().encode(m), WvLimits.DEFAULT);
            assertThat(back).isEqualTo(m);
        }
    }

    /** A number of 9 to 12 digits, so that many IDs have the same length and differ only inside. */
    private static String user(Random random) {
        long digits = (long) Math.pow(10, 8 + random.nextInt(4));
        return "wv:+44" + (digits + (long) (random.nextDouble() * digits * 9)) + "@mobim.example";
    }

    private static WvMessage message(String from, String to, String tx, String body) {
        MessageInfo info = new MessageInfo(null, null, "text/plain", null, body.length(),
                new Recipient(List.of(new User(to)), List.of(), List.of()), new Sender(new User(from), null),
                null, null, null);
        return WvMessage.of(CspVersion.V1_2, SessionDescriptor.inband("s-" + tx),
                Transaction.request(tx, new SendMessageRequest(false, info, body)));
    }
}
