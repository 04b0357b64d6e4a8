package io.mobim.wv.handset;

import io.mobim.wv.CspVersion;
import io.mobim.wv.WvCodec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code java -jar wv-handset.jar --url http://127.0.0.1:8080/wv/csp --user wv:+447700900101@mobim --password ...
 * [--encoding wbxml|xml] [--version 1.1|1.2] [--digest]}: logs in, then runs the commands of standard input, one a
 * line ({@link HandsetSession}), prompting when a person types them. Exit status 0 when every command succeeded, 1 when
 * the platform refused one, 2 for bad arguments or a login that failed.
 */
public final class WvHandsetCli {

    static final String USAGE = """
            usage: wv-handset --url <endpoint> --user <UserID> --password <password>
                              [--encoding wbxml|xml] [--version 1.1|1.2] [--digest] [--domain mobim]
            then commands on standard input, one a line (help lists them)""";
    private static final Set<String> FLAGS = Set.of("--digest");
    private static final Set<String> OPTIONS = Set.of("--url", "--user", "--password", "--encoding", "--version", "--domain");

    private WvHandsetCli() {
    }

    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        System.exit(run(args, in, out, System.console() != null));
    }

    /** Runs a session as {@link #main} does; returns the exit status. */
    public static int run(String[] args, BufferedReader in, PrintStream out, boolean prompt) throws IOException {
        Map<String, String> options;
        WvHandset handset;
        try {
            options = parse(args);
            String encoding = options.getOrDefault("--encoding", "wbxml");
            WvCodec codec = switch (encoding) {
                case "wbxml" -> WvCodec.wbxml();
                case "xml" -> WvCodec.xml();
                default -> throw new IllegalArgumentException("--encoding is wbxml or xml, not " + encoding);
            };
            String version = options.getOrDefault("--version", "1.2");
            CspVersion csp = switch (version) {
                case "1.1" -> CspVersion.V1_1;
                case "1.2" -> CspVersion.V1_2;
                default -> throw new IllegalArgumentException("--version is 1.1 or 1.2, not " + version);
            };
            handset = new WvHandset(URI.create(required(options, "--url")), csp, codec, required(options, "--user"));
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            out.println(USAGE);
            return 2;
        }
        HandsetSession session = new HandsetSession(handset, required(options, "--password"), options.containsKey("--digest"),
                options.getOrDefault("--domain", "mobim"), out);
        try {
            if (!session.login()) {
                return 2;
            }
        } catch (RuntimeException e) {
            out.println("failed: " + e.getMessage());
            return 2;
        }
        return session.run(in, prompt) ? 0 : 1;
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (FLAGS.contains(arg)) {
                options.put(arg, "true");
            } else if (OPTIONS.contains(arg) && i + 1 < args.length) {
                options.put(arg, args[++i]);
            } else {
                throw new IllegalArgumentException("unknown or incomplete argument: " + arg);
            }
        }
        required(options, "--url");
        required(options, "--user");
        required(options, "--password");
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }
}
