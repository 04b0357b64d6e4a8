package io.mobim.wv.handset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * What the command line says before it talks to any server: missing or unknown arguments and unsupported encodings
 * or versions end with the usage and exit status 2. (Sessions against the platform: platform-app's
 * {@code WvHandsetCliEndToEndTest}.)
 */
class WvHandsetCliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private int run(String... args) throws IOException {
        return WvHandsetCli.run(args, new BufferedReader(new StringReader("")), new PrintStream(out, true, StandardCharsets.UTF_8), false);
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void missingArgumentsEndWithTheUsage() throws IOException {
        assertThat(run("--url", "http://127.0.0.1:1/wv/csp", "--user", "wv:+447700900101@mobim")).isEqualTo(2);
        assertThat(printed()).startsWith("--password is required").contains("usage: wv-handset --url");
    }

    @Test
    void unknownArgumentsAndValuesAreNamed() throws IOException {
        String[] base = {"--url", "http://127.0.0.1:1/wv/csp", "--user", "u", "--password", "p"};
        assertThat(run(concat(base, "--verbose"))).isEqualTo(2);
        assertThat(printed()).contains("unknown or incomplete argument: --verbose");
        assertThat(run(concat(base, "--encoding", "json"))).isEqualTo(2);
        assertThat(printed()).contains("--encoding is wbxml or xml, not json");
        assertThat(run(concat(base, "--version", "1.3"))).isEqualTo(2);
        assertThat(printed()).contains("--version is 1.1 or 1.2, not 1.3");
    }

    @Test
    void aServerThatCannotBeReachedIsAFailedLogin() throws IOException {
        // port 1 on loopback: nothing listens there, the connection is refused at once
        assertThat(run("--url", "http://127.0.0.1:1/wv/csp", "--user", "u", "--password", "p")).isEqualTo(2);
        assertThat(printed()).startsWith("failed: ");
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
