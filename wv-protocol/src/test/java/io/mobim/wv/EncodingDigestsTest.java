package io.mobim.wv;

import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.wv.model.Primitive;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every primitive, fully populated and empty, encodes to exactly the bytes it did before the codecs
 * were rewritten for speed (SHA-256 of each XML and WBXML document in both versions, recorded from
 * the tree-binding codec in {@code golden/all-primitives.sha256}), and those bytes decode back to it.
 * A change of the wire format shows here; if one is meant, regenerate with {@link #main}.
 */
class EncodingDigestsTest {

    static List<String> lines() throws Exception {
        List<String> out = new ArrayList<>();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (Class<?> type : Samples.primitiveTypes()) {
            for (String fill : List.of("full", "empty")) {
                Primitive p = fill.equals("full") ? Samples.full(type) : Samples.empty(type);
                for (CspVersion v : CspVersion.values()) {
                    for (WvCodec codec : List.of(WvCodec.xml(), WvCodec.wbxml())) {
                        byte[] bytes = codec.encode(Samples.message(v, p));
                        assertThat(codec.decode(bytes, WvLimits.DEFAULT)).isEqualTo(Samples.message(v, p));
                        out.add(type.getSimpleName() + " " + fill + " " + v.label() + " "
                                + (codec == WvCodec.xml() ? "xml" : "wbxml") + " "
                                + HexFormat.of().formatHex(sha.digest(bytes)));
                    }
                }
            }
        }
        return out;
    }

    @Test
    void everyPrimitiveEncodesAsBefore() throws Exception {
        List<String> expected = new String(TestFiles.bytes("golden/all-primitives.sha256"), StandardCharsets.US_ASCII)
                .lines().toList();
        assertThat(lines()).hasSize(83 * 8).containsExactlyElementsOf(expected);
    }

    /** Prints the digests, to regenerate the resource after an intended change of the wire format. */
    public static void main(String[] args) throws Exception {
        lines().forEach(System.out::println);
    }
}
