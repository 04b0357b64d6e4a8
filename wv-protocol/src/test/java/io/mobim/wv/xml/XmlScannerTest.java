package io.mobim.wv.xml;

import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.wv.CspVersion;
import io.mobim.wv.FuzzTest;
import io.mobim.wv.Samples;
import io.mobim.wv.TestFiles;
import io.mobim.wv.WvCodec;
import io.mobim.wv.WvDecodeException;
import io.mobim.wv.WvLimits;
import io.mobim.wv.model.WvMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The XML fast path ({@link XmlScanner}) answers exactly what the StAX path answers: the same
 * message for every primitive in both versions and in the shapes clients write (indented,
 * entity-escaped, single-quoted, with a BOM or without a declaration), and on mutated input the same
 * message or the same CSP status and reason. It takes the plain shapes itself and leaves the rest
 * (comments, CDATA, DOCTYPE, CR, prefixes) to StAX.
 */
class XmlScannerTest {

    private static final WvLimits LIMITS = new WvLimits(64 * 1024, 24);
    private static final XmlDecoder DECODER = new XmlDecoder(LIMITS);

    /** Every primitive, full and empty, in both versions as the encoder writes it. */
    static List<byte[]> documents() {
        List<byte[]> docs = new ArrayList<>();
        for (Class<?> type : Samples.primitiveTypes()) {
            for (CspVersion v : CspVersion.values()) {
                docs.add(WvCodec.xml().encode(Samples.message(v, Samples.full(type))));
                docs.add(WvCodec.xml().encode(Samples.message(v, Samples.empty(type))));
            }
        }
        return docs;
    }

    private static String str(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static final Pattern TEXT = Pattern.compile(">([^<]+)<");

    /** Plain shapes the fast path must read itself. */
    private static final List<UnaryOperator<String>> PLAIN = List.of(
            s -> s,
            s -> s.replace("><", ">\n    <"),
            s -> s.replace("><", ">\t<").replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", ""),
            s -> s.replace("\"", "'").replace("<?xml version='1.0' encoding='UTF-8'?>",
                    "<?xml version = '1.0' encoding = 'utf-8' standalone = 'yes' ?>\n"),
            s -> TEXT.matcher(s).replaceAll(m -> Matcher.quoteReplacement(
                    ">" + m.group(1).replace("e", "&#101;").replace("i", "&#x69;").replace("T", "&#x54;") + "<")),
            s -> s.replace("<Session>", "<Session vendor=\"x\" other='y' >").replace("</Session>", "</Session >"),
            s -> s.replaceAll(">([^<]+)<", ">$1 &lt;&gt;&amp;&quot;&apos; \u00e9\u20ac\uD83D\uDE00<"));

    /** Shapes left to StAX. */
    private static final List<UnaryOperator<String>> OTHER = List.of(
            s -> s.replace("><", ">\r\n<"),
            s -> s.replace("<Session>", "<Session><!-- a comment -->"),
            s -> s.replaceAll(">([^<]+)<", "><![CDATA[$1]]><"),
            s -> s.replace("?>", "?><!DOCTYPE WV-CSP-Message>"),
            s -> s.replace("<Session>", "<?pi x?><Session>"),
            s -> s.replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<?xml version=\"1.1\"?>"),
            s -> s.replace("WV-CSP-Message", "c:WV-CSP-Message").replace("xmlns=", "xmlns:c="),
            s -> s.replace("<Session>", "<Session a=\"1\" a=\"2\">"),
            s -> s.replace("<Session>", "<Session a=\"&amp;\">"));

    @Test
    void fastPathReadsPlainDocumentsAsStaxDoes() throws Exception {
        int n = 0;
        for (byte[] doc : documents()) {
            for (UnaryOperator<String> shape : PLAIN) {
                byte[] b = bytes(shape.apply(str(doc)));
                assertThat(new XmlScanner(b, 0, b.length, LIMITS.maxDepth(), new io.mobim.wv.bind.Assembler(true)).scan())
                        .as("fast path takes %s", str(b)).isTrue();
                assertSame(b);
                n++;
            }
            byte[] bom = bytes("\uFEFF" + str(doc));
            assertSame(bom);
        }
        assertThat(n).isGreaterThan(1000);
    }

    @Test
    void otherShapesGoToStaxWithTheSameResult() throws Exception {
        for (byte[] doc : documents()) {
            for (UnaryOperator<String> shape : OTHER) {
                byte[] b = bytes(shape.apply(str(doc)));
                assertThat(new XmlScanner(b, 0, b.length, LIMITS.maxDepth(), new io.mobim.wv.bind.Assembler(true)).scan())
                        .as("left to StAX: %s", str(b)).isFalse();
                assertSame(b);
            }
        }
    }

    @Test
    void goldenVectorsReadTheSame() throws Exception {
        for (String name : new String[] {"g1-login-request-1.1", "g2-send-message-1.2", "g3-polling-request-1.2",
                "g3-new-message-1.1", "g4-get-presence-request-1.1", "g4-get-presence-response-1.1",
                "g5-list-manage-add-request-1.1", "g5-list-manage-add-response-1.1",
                "g5-list-manage-remove-request-1.1", "g5-list-manage-remove-response-1.1",
                "service-request-doctype-pretty-1.1", "status-detailed-result-1.1"}) {
            assertSame(TestFiles.bytes("golden/" + name + ".xml"));
        }
    }

    @Test
    void limitsAndBadRootsGiveTheStaxErrors() throws Exception {
        byte[] doc = documents().get(0);
        String deep = str(doc).replace("<Session>", "<Session>" + "<X>".repeat(30)).replace("</Session>",
                "</X>".repeat(30) + "</Session>");
        assertThat(outcome(bytes(deep), true)).startsWith("400 elements nested deeper than 24");
        String root = str(doc).replace("WV-CSP-Message", "Other");
        assertThat(outcome(bytes(root), true)).isEqualTo("400 root element is not WV-CSP-Message");
        String ns = str(doc).replaceAll("xmlns=\"[^\"]*CSP1\\.[12]\"", "xmlns=\"http://www.wireless-village.org/CSP1.0\"");
        assertThat(outcome(bytes(ns), true)).startsWith("505 ");
        for (String s : new String[] {deep, root, ns}) {
            assertSame(bytes(s));
        }
    }

    @Test
    void mutatedDocumentsGetTheSameAnswerFromBothPaths() throws Exception {
        List<byte[]> seeds = new ArrayList<>(documents());
        for (byte[] d : documents()) {
            seeds.add(bytes(str(d).replace("><", ">\n  <")));
        }
        SplittableRandom rnd = new SplittableRandom(20261206L);
        int fast = 0;
        for (int i = 0; i < 10_000; i++) {
            byte[] input = FuzzTest.mutate(rnd, seeds, true);
            if (input.length > 0 && new XmlScanner(input, 0, input.length, LIMITS.maxDepth(), new io.mobim.wv.bind.Assembler(true)).scan()) {
                fast++;
            }
            assertSame(input);
        }
        assertThat(fast).as("some mutants stay on the fast path").isGreaterThan(300);
    }

    private static void assertSame(byte[] input) {
        String viaStax = outcome(input, false);
        String viaFastPath = outcome(input, true);
        assertThat(viaFastPath).as("input %s", HexFormat.of().formatHex(input)).isEqualTo(viaStax);
    }

    private static String outcome(byte[] input, boolean fast) {
        try {
            WvMessage m = fast ? DECODER.decode(input) : DECODER.decodeWithStax(input);
            return m.toString();
        } catch (WvDecodeException e) {
            return e.status().code() + " " + e.reason();
        }
    }
}
