package io.mobim.wv.xml;

import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.wv.CspVersion;
import io.mobim.wv.FuzzTest;
import io.mobim.wv.PresenceSubListTest;
import io.mobim.wv.Samples;
import io.mobim.wv.WvCodec;
import io.mobim.wv.WvDecodeException;
import io.mobim.wv.WvLimits;
import io.mobim.wv.model.WvMessage;
import io.mobim.wv.model.WvNode;
import io.mobim.wv.model.presence.PresenceAttribute;
import io.mobim.wv.model.presence.PresenceSubList;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The direct XML path ({@link PlainXmlReader}) answers exactly what StAX answers: it reads every primitive, full and
 * empty, in both versions as the encoder writes it, and typed presence attributes (again from their bytes when they
 * recur), and it leaves other shapes and every invalid document to the general path, so the message or the CSP status
 * and reason are the same either way.
 */
class PlainXmlReaderTest {

    private static final WvLimits LIMITS = new WvLimits(64 * 1024, 24);
    private static final XmlDecoder DECODER = new XmlDecoder(LIMITS);

    private static boolean direct(byte[] b) {
        return PlainXmlReader.read(b, 0, b.length, LIMITS.maxDepth()) != null;
    }

    @Test
    void readsEveryPrimitiveAsTheEncoderWritesIt() {
        List<byte[]> docs = XmlScannerTest.documents();
        for (byte[] doc : docs) {
            assertThat(direct(doc)).as("direct path takes %s", new String(doc, StandardCharsets.UTF_8)).isTrue();
            assertSame(doc);
        }
        assertThat(docs).hasSize(4 * Samples.primitiveTypes().size());
    }

    @Test
    void otherShapesGoTheGeneralWayWithTheSameResult() {
        for (byte[] doc : XmlScannerTest.documents()) {
            String s = new String(doc, StandardCharsets.UTF_8);
            for (String other : new String[] {s.replace("><", ">\n  <"), s.replace("<Session>", "<Session a=\"1\">"),
                    s.replace("</Session>", "</Session >"), s.replace("?>", "?> ")}) {
                byte[] b = other.getBytes(StandardCharsets.UTF_8);
                assertThat(direct(b)).as("general path takes %s", other).isFalse();
                assertSame(b);
            }
        }
    }

    @Test
    void presenceAttributesAreReadAsTheGeneralPathReadsThemAlsoWhenTheyRecur() {
        List<byte[]> seeds = new ArrayList<>();
        for (CspVersion v : CspVersion.values()) {
            for (PresenceAttribute a : PresenceSubListTest.TYPED) {
                byte[] doc = WvCodec.xml().encode(PresenceSubListTest.update(v, PresenceSubList.of(a, a)));
                assertThat(direct(doc)).as("direct path takes %s", a).isTrue();
                seeds.add(doc);
            }
            for (WvNode n : PresenceSubListTest.OTHER) {
                PresenceSubList l = PresenceSubList.of(WvNode.of("PresenceSubList", n));
                seeds.add(WvCodec.xml().encode(PresenceSubListTest.update(v, l)));
            }
        }
        for (int round = 0; round < 3; round++) {
            for (byte[] doc : seeds) {
                assertSame(doc);
            }
        }
        XmlDecoder shallow = new XmlDecoder(new WvLimits(64 * 1024, 7));
        for (byte[] doc : seeds) {
            assertThat(outcome(shallow, doc, true)).isEqualTo(outcome(shallow, doc, false));
        }
        SplittableRandom rnd = new SplittableRandom(Long.getLong("wv.fuzz.seed", 20261207L));
        for (int i = 0; i < 5_000; i++) {
            assertSame(FuzzTest.mutate(rnd, seeds, true));
        }
    }

    @Test
    void mutatedDocumentsGetTheSameAnswerFromBothPaths() {
        List<byte[]> seeds = XmlScannerTest.documents();
        SplittableRandom rnd = new SplittableRandom(Long.getLong("wv.fuzz.seed", 20261207L));
        int direct = 0;
        for (long i = 0, n = Long.getLong("wv.direct.iterations", 20_000L); i < n; i++) {
            byte[] input = FuzzTest.mutate(rnd, seeds, true);
            if (input.length > 0 && direct(input)) {
                direct++;
            }
            assertSame(input);
        }
        assertThat(direct).as("some mutants stay on the direct path").isGreaterThan(100);
    }

    private static void assertSame(byte[] input) {
        assertThat(outcome(DECODER, input, true)).as("input %s", new String(input, StandardCharsets.UTF_8))
                .isEqualTo(outcome(DECODER, input, false));
    }

    private static String outcome(XmlDecoder decoder, byte[] input, boolean direct) {
        try {
            WvMessage m = direct ? decoder.decode(input) : decoder.decodeWithStax(input);
            return m.toString();
        } catch (WvDecodeException e) {
            return e.status().code() + " " + e.reason();
        }
    }
}
