package io.mobim.platform.wv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mobim.events.Msisdn;
import io.mobim.wv.handset.WvHandsetCli;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One handset emulator ({@link WvHandsetCli#run}) on its own thread, used as a person uses it: what is typed to it,
 * what it printed.
 */
final class CliEmulator implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(60);

    private final PipedWriter keyboard = new PipedWriter();
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final CompletableFuture<Integer> exit;

    /** The command line of a subscriber's emulator against {@code endpoint}. */
    static String[] args(URI endpoint, Msisdn who, String encoding, String version, boolean digest, String password) {
        List<String> args = new ArrayList<>(List.of("--url", endpoint.toString(), "--user", "wv:" + who.value() + "@mobim",
                "--password", password, "--encoding", encoding, "--version", version));
        if (digest) {
            args.add("--digest");
        }
        return args.toArray(String[]::new);
    }

    CliEmulator(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new PipedReader(keyboard));
        PrintStream out = new PrintStream(screen, true, StandardCharsets.UTF_8);
        exit = CompletableFuture.supplyAsync(() -> {
            try {
                return WvHandsetCli.run(args, in, out, false);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    void type(String line) throws IOException {
        keyboard.write(line + "\n");
        keyboard.flush();
    }

    String output() {
        return screen.toString(StandardCharsets.UTF_8);
    }

    /** Polls once a second (each poll prints what waits, or "nothing new") until {@code line} was printed. */
    void pollUntil(String line) {
        await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            if (!output().contains(line)) {
                type("poll");
            }
            assertThat(output()).contains(line);
        });
    }

    void awaitOutput(String... lines) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(output()).contains(lines));
    }

    /** Waits until a line matching {@code regex} was printed; its first group. */
    String awaitMatch(String regex) {
        Pattern p = Pattern.compile(regex);
        return await().atMost(WAIT).until(() -> {
            Matcher m = p.matcher(output());
            return m.find() ? m.group(1) : null;
        }, found -> found != null);
    }

    /** How many times {@code text} was printed. */
    int count(String text) {
        return output().split(Pattern.quote(text), -1).length - 1;
    }

    /** Ends its input (as a person's end of file) and returns its exit status. */
    int exitStatus() throws Exception {
        keyboard.close();
        return exit.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Ends a session a failed test left waiting for its next command. */
    @Override
    public void close() throws IOException {
        keyboard.close();
    }
}
