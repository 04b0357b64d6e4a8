package io.mobim.wv;

import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.wv.cli.WvConvert;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WvConvertTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(byte[] in, String... args) {
        return WvConvert.run(args, new ByteArrayInputStream(in), out, new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void encodeThenDecode() throws Exception {
        byte[] xml = TestFiles.bytes("golden/service-request-doctype-pretty-1.1.xml");
        assertThat(run(xml, "encode")).isZero();
        byte[] wbxml = out.toByteArray();
        assertThat(wbxml).isEqualTo(TestFiles.bytes("golden/service-request-doctype-pretty-1.1.wbxml"));
        out.reset();
        assertThat(run(wbxml, "decode")).isZero();
        assertThat(WvCodec.xml().decode(out.toByteArray(), WvLimits.DEFAULT))
                .isEqualTo(WvCodec.xml().decode(xml, WvLimits.DEFAULT));
        assertThat(err.size()).isZero();
    }

    @Test
    void stringPublicIdForLibwbxml() {
        assertThat(run(TestFiles.bytes("golden/g3-polling-request-1.2.xml"), "encode", "--string-public-id")).isZero();
        assertThat(out.toByteArray()).isEqualTo(TestFiles.bytes("interop/g3-polling-request-1.2.string-public-id.wbxml"));
    }

    @Test
    void badInputExitsWith2AndTheCspStatus() {
        assertThat(run("<not-csp/>".getBytes(StandardCharsets.UTF_8), "encode")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("400 Bad request: ");
        err.reset();
        assertThat(run(TestFiles.hex("03 12 6a 00 c9 0b 03 31 2e 33 00 01 01"), "decode")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("505 Version not supported: ");
        assertThat(out.size()).isZero();
    }

    @Test
    void usage() {
        assertThat(run(new byte[0])).isEqualTo(1);
        assertThat(run(new byte[0], "frobnicate")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage");
    }
}
