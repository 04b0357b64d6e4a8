package io.mobim.wv;

import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.wv.model.WvMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Property suite on mutated and random input: decoding yields a message or a
 * {@link WvDecodeException} with a status, never another exception or error; whatever decodes
 * re-encodes in both encodings, and a re-encoded message is a fixed point (decode(encode(m)) == m
 * after one normalisation; checked on every 64th message that decodes).
 *
 * <p>Bounded: by default 1,000,000 WBXML and 40,000 XML inputs (a few seconds; the JDK StAX parser is
 * slow on failures, it builds an exception with a stack trace for each). A longer run:
 * {@code ./mvnw -pl wv-protocol test -Dtest=FuzzTest -Dwv.fuzz.iterations=50000000} (WBXML count; XML
 * gets 1/25), and {@code -Dwv.fuzz.seed=...} to vary or replay the inputs.
 */
public class FuzzTest {

    private static final long ITERATIONS = Long.getLong("wv.fuzz.iterations", 1_000_000L);
    private static final long SEED = Long.getLong("wv.fuzz.seed", 20261123L);
    private static final WvLimits LIMITS = new WvLimits(64 * 1024, 24);

    private static final String[] XML_SNIPPETS = {"<", ">", "&", "&amp;", "&#0;", "&#x10FFFF;", "&#xD800;", "<!--", "-->",
            "<![CDATA[", "]]>", "<!DOCTYPE WV-CSP-Message [<!ENTITY a \"b\">]>", "&a;", "<?pi x?>", "</Session>",
            "<Transaction>", "<X>", "</X>", "xmlns=\"http://www.wireless-village.org/CSP1.1\"", "\u0000", "\uFFFF",
            "<TransactionContent>", "<Code>", "99999999999", "T", "<PresenceSubList>", "\"", "'", "=", " ", "\u00e9"};
    private static final int[] WBXML_TOKENS = {0x00, 0x01, 0x02, 0x03, 0x04, 0x40, 0x43, 0x44, 0x80, 0x81, 0x83, 0x84,
            0xC0, 0xC3, 0xC4, 0xFF, 0x7F, 0x8F, 0x05, 0x08, 0x09, 0x0A, 0x6D, 0xC9, 0xF3, 0x63};

    private static List<byte[]> seeds(boolean xml) throws Exception {
        List<byte[]> seeds = new ArrayList<>();
        for (String name : new String[] {"g1-login-request-1.1", "g2-send-message-1.2", "g3-polling-request-1.2",
                "g3-new-message-1.1", "g4-get-presence-request-1.1", "g4-get-presence-response-1.1",
                "g5-list-manage-add-request-1.1", "g5-list-manage-remove-response-1.1", "status-detailed-result-1.1",
                "service-request-doctype-pretty-1.1"}) {
            seeds.add(TestFiles.bytes("golden/" + name + (xml ? ".xml" : ".wbxml")));
            if (!xml) {
                seeds.add(TestFiles.bytes("interop/" + name + ".libwbxml-encoded.wbxml"));
            }
        }
        WvCodec codec = xml ? WvCodec.xml() : WvCodec.wbxml();
        int i = 0;
        for (Class<?> type : Samples.primitiveTypes()) {
            CspVersion v = (i++ & 1) == 0 ? CspVersion.V1_1 : CspVersion.V1_2;
            seeds.add(codec.encode(Samples.message(v, Samples.full(type))));
        }
        return seeds;
    }

    @Test
    void wbxmlNeverFailsOtherwise() throws Exception {
        run(false, ITERATIONS);
    }

    @Test
    void xmlNeverFailsOtherwise() throws Exception {
        run(true, Math.max(1, ITERATIONS / 25));
    }

    private static void run(boolean xml, long iterations) throws Exception {
        List<byte[]> seeds = seeds(xml);
        SplittableRandom rnd = new SplittableRandom(SEED ^ (xml ? 0x5A5A : 0));
        WvCodec codec = xml ? WvCodec.xml() : WvCodec.wbxml();
        long decoded = 0;
        long rejected = 0;
        for (long n = 0; n < iterations; n++) {
            byte[] input = rnd.nextInt(20) == 0 ? random(rnd, xml) : mutate(rnd, seeds, xml);
            try {
                WvMessage m = codec.decode(input, LIMITS);
                if ((decoded++ & 63) == 0) { // every 64th survivor: re-encoding is far costlier than decoding
                    checkReencodes(m, input);
                }
            } catch (WvDecodeException e) {
                rejected++;
                assertThat(e.status()).isNotNull();
            } catch (Throwable t) {
                throw new AssertionError("input " + HexFormat.of().formatHex(input) + " threw " + t, t);
            }
        }
        assertThat(decoded + rejected).isEqualTo(iterations);
        // nothing leaks from one failed decode into the next (the XML decoder reuses its StAX reader)
        for (byte[] seed : seeds) {
            assertThat(codec.decode(seed, LIMITS_REENCODE)).isNotNull();
        }
        assertThat(decoded).as("some mutants still decode").isPositive();
        assertThat(rejected).as("some mutants are rejected").isPositive();
    }

    private static void checkReencodes(WvMessage m, byte[] input) throws WvDecodeException {
        for (WvCodec c : new WvCodec[] {WvCodec.xml(), WvCodec.wbxml()}) {
            WvMessage once = c.decode(c.encode(m), LIMITS_REENCODE);
            WvMessage twice = c.decode(c.encode(once), LIMITS_REENCODE);
            if (!twice.equals(once)) {
                throw new AssertionError("not a fixed point via " + c + ": " + HexFormat.of().formatHex(input));
            }
        }
    }

    private static final WvLimits LIMITS_REENCODE = new WvLimits(1 << 20, 24);

    private static byte[] random(SplittableRandom rnd, boolean xml) {
        byte[] b = new byte[rnd.nextInt(200)];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) rnd.nextInt(256);
        }
        if (!xml && b.length > 4 && rnd.nextBoolean()) {
            b[0] = 3;
            b[1] = (byte) (rnd.nextBoolean() ? 0x10 : 0x11);
            b[2] = 0x6A;
            b[3] = 0;
        }
        return b;
    }

    public static byte[] mutate(SplittableRandom rnd, List<byte[]> seeds, boolean xml) {
        byte[] b = seeds.get(rnd.nextInt(seeds.size())).clone();
        int rounds = 1 + rnd.nextInt(4);
        for (int r = 0; r < rounds && b.length > 0; r++) {
            int pos = rnd.nextInt(b.length);
            switch (rnd.nextInt(8)) {
                case 0 -> b[pos] ^= (byte) (1 << rnd.nextInt(8));
                case 1 -> b[pos] = (byte) rnd.nextInt(256);
                case 2 -> b = java.util.Arrays.copyOf(b, pos); // truncate
                case 3 -> { // delete a range
                    int len = Math.min(b.length - pos, 1 + rnd.nextInt(16));
                    byte[] c = new byte[b.length - len];
                    System.arraycopy(b, 0, c, 0, pos);
                    System.arraycopy(b, pos + len, c, pos, b.length - pos - len);
                    b = c;
                }
                case 4 -> { // duplicate a range
                    int len = Math.min(b.length - pos, 1 + rnd.nextInt(64));
                    b = insert(b, pos, java.util.Arrays.copyOfRange(b, pos, pos + len));
                }
                case 5 -> { // splice with another seed
                    byte[] o = seeds.get(rnd.nextInt(seeds.size()));
                    int from = rnd.nextInt(o.length);
                    b = insert(java.util.Arrays.copyOf(b, pos), pos, java.util.Arrays.copyOfRange(o, from, o.length));
                }
                default -> b = insert(b, pos, xml
                        ? XML_SNIPPETS[rnd.nextInt(XML_SNIPPETS.length)].getBytes(StandardCharsets.UTF_8)
                        : new byte[] {(byte) WBXML_TOKENS[rnd.nextInt(WBXML_TOKENS.length)],
                                (byte) WBXML_TOKENS[rnd.nextInt(WBXML_TOKENS.length)]});
            }
        }
        return b;
    }

    private static byte[] insert(byte[] b, int pos, byte[] x) {
        byte[] c = new byte[b.length + x.length];
        System.arraycopy(b, 0, c, 0, pos);
        System.arraycopy(x, 0, c, pos, x.length);
        System.arraycopy(b, pos, c, pos + x.length, b.length - pos);
        return c;
    }
}
