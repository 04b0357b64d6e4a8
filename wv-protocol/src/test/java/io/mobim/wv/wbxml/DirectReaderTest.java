package io.mobim.wv.wbxml;

import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.wv.CspVersion;
import io.mobim.wv.FuzzTest;
import io.mobim.wv.Samples;
import io.mobim.wv.TestFiles;
import io.mobim.wv.WvDecodeException;
import io.mobim.wv.WvLimits;
import io.mobim.wv.PresenceSubListTest;
import io.mobim.wv.model.WvMessage;
import io.mobim.wv.model.WvNode;
import io.mobim.wv.model.presence.PresenceAttribute;
import io.mobim.wv.model.presence.PresenceSubList;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The direct WBXML path ({@link DirectReader}) answers exactly what the general path answers: it
 * reads every primitive, full and empty, in both versions as handsets write them, and it leaves the
 * other forms (string public id, string table, libwbxml's output) and every invalid document to the
 * general path, so the message or the CSP status and reason are the same either way.
 */
class DirectReaderTest {

    /** {@code -Dwv.direct.iterations=5000000} for a long run, {@code -Dwv.fuzz.seed} for other mutants. */
    private static final WvLimits LIMITS = new WvLimits(64 * 1024, 24);
    private static final WbxmlDecoder DECODER = new WbxmlDecoder(LIMITS);

    private static List<byte[]> documents(WbxmlEncoder encoder) {
        List<byte[]> docs = new ArrayList<>();
        for (Class<?> type : Samples.primitiveTypes()) {
            for (CspVersion v : CspVersion.values()) {
                docs.add(encoder.encode(Samples.message(v, Samples.full(type))));
                docs.add(encoder.encode(Samples.message(v, Samples.empty(type))));
            }
        }
        return docs;
    }

    private static boolean direct(byte[] b) {
        return DirectReader.read(b, 0, b.length, LIMITS.maxDepth()) != null;
    }

    @Test
    void readsEveryPrimitiveAsHandsetsWriteIt() {
        List<byte[]> docs = documents(WbxmlEncoder.INSTANCE);
        for (byte[] doc : docs) {
            assertThat(direct(doc)).as("direct path takes %s", HexFormat.of().formatHex(doc)).isTrue();
            assertSame(doc);
        }
        assertThat(docs).hasSize(4 * Samples.primitiveTypes().size());
    }

    @Test
    void otherFormsGoTheGeneralWayWithTheSameResult() {
        for (byte[] doc : documents(WbxmlEncoder.STRING_PUBLIC_ID)) {
            assertThat(direct(doc)).isFalse();
            assertSame(doc);
        }
        for (String name : new String[] {"g1-login-request-1.1", "g2-send-message-1.2", "g3-new-message-1.1",
                "g3-polling-request-1.2", "g4-get-presence-request-1.1", "g4-get-presence-response-1.1",
                "g5-list-manage-add-request-1.1", "service-request-doctype-pretty-1.1", "status-detailed-result-1.1"}) {
            assertSame(TestFiles.bytes("golden/" + name + ".wbxml"));
        }
        for (String name : new String[] {"g1-login-request-1.1", "g2-send-message-1.2", "g3-new-message-1.1"}) {
            byte[] libwbxml = TestFiles.bytes("interop/" + name + ".libwbxml-encoded.wbxml");
            assertSame(libwbxml);
        }
    }

    @Test
    void limitsGiveTheGeneralPathsErrors() throws Exception {
        byte[] doc = WbxmlEncoder.INSTANCE.encode(Samples.message(CspVersion.V1_2, Samples.full(Samples.primitiveTypes().get(0))));
        WbxmlDecoder shallow = new WbxmlDecoder(new WvLimits(64 * 1024, 4));
        assertThat(DirectReader.read(doc, 0, doc.length, 4)).isNull();
        assertThat(outcome(shallow, doc, true)).isEqualTo(outcome(shallow, doc, false)).startsWith("400 elements nested deeper than 4");
        byte[] cut = java.util.Arrays.copyOf(doc, doc.length - 1);
        assertThat(direct(cut)).isFalse();
        assertThat(outcome(DECODER, cut, true)).isEqualTo("400 truncated WBXML: unclosed elements");
    }

    @Test
    void mutatedDocumentsGetTheSameAnswerFromBothPaths() {
        List<byte[]> seeds = documents(WbxmlEncoder.INSTANCE);
        SplittableRandom rnd = new SplittableRandom(Long.getLong("wv.fuzz.seed", 20261206L));
        int direct = 0;
        for (long i = 0, n = Long.getLong("wv.direct.iterations", 20_000L); i < n; i++) {
            byte[] input = FuzzTest.mutate(rnd, seeds, false);
            if (direct(input)) {
                direct++;
            }
            assertSame(input);
        }
        assertThat(direct).as("some mutants stay on the direct path").isGreaterThan(1000);
    }

    @Test
    void typedPresenceAttributesAreReadDirectlyOtherFormsGoTheGeneralWay() {
        List<byte[]> seeds = new ArrayList<>();
        for (CspVersion v : CspVersion.values()) {
            for (PresenceAttribute a : PresenceSubListTest.TYPED) {
                byte[] doc = WbxmlEncoder.INSTANCE.encode(PresenceSubListTest.update(v, PresenceSubList.of(a)));
                assertThat(direct(doc)).as("direct path takes %s", a).isTrue();
                seeds.add(doc);
            }
            for (WvNode n : PresenceSubListTest.OTHER) {
                PresenceSubList l = PresenceSubList.of(WvNode.of("PresenceSubList", n));
                seeds.add(WbxmlEncoder.INSTANCE.encode(PresenceSubListTest.update(v, l)));
            }
        }
        for (byte[] doc : seeds) {
            assertSame(doc);
        }
        SplittableRandom rnd = new SplittableRandom(Long.getLong("wv.fuzz.seed", 20261206L));
        for (long i = 0, n = Long.getLong("wv.direct.iterations", 20_000L) / 4; i < n; i++) {
            assertSame(FuzzTest.mutate(rnd, seeds, false));
        }
    }

    private static void assertSame(byte[] input) {
        assertThat(outcome(DECODER, input, true)).as("input %s", HexFormat.of().formatHex(input))
                .isEqualTo(outcome(DECODER, input, false));
    }

    private static String outcome(WbxmlDecoder decoder, byte[] input, boolean direct) {
        try {
            WvMessage m = direct ? decoder.decode(input) : decoder.decodeGeneral(input);
            return m.toString();
        } catch (WvDecodeException e) {
            return e.status().code() + " " + e.reason();
        }
    }
}
