package io.mobim.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.platform.support.MutableClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The README's "Try it" section, run as a newcomer would run it: every {@code sh} block of the section, as written,
 * with bash and curl, against the all-in-one, from a directory holding {@code data/admin-password}. Two things are
 * adapted to the shared test platform, nothing in the commands: the address (the test server's port) and what
 * {@code date} answers (the platform's clock, which other tests move forward). The {@code text} block under each
 * command lists lines its answer must contain. A read (a command without a body) is repeated until they show, for a
 * while: messages, charges and receipts arrive asynchronously, a newcomer typing is slower than a test. The shared
 * platform configures no credentials for billing's message log fetch, as an all-in-one without a billing user: the
 * reconciliation's log source {@code im} shows it is three-way out of the box. What the prose promises is checked too:
 * Ann's message is rated once on each side (sent for Ann, received for Bob), and no mismatch list of the day's
 * reconciliation names it (the shared platform's other tests leave mismatches of their own on the same day, so "every
 * list empty" is checked for the section's own message).
 */
@MobimIntegrationTest
class ReadmeTryItTest {

    private static final Path README = Path.of("..", "README.md");
    private static final String README_ADDRESS = "http://127.0.0.1:8080";
    private static final Duration READ_PATIENCE = Duration.ofSeconds(60);
    /** The admin password of {@link MobimIntegrationTest}, where the all-in-one keeps a generated one. */
    private static final String ADMIN_PASSWORD = "admin-secret";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Value("${local.server.port}") int port;
    @Autowired MutableClock clock;
    @TempDir Path workDir;

    /** A command of the section and what its answer must contain. */
    record Step(String command, List<String> expected) {
        boolean isRead() {
            return !command.contains(" -d ");
        }
    }

    @Test
    void everyCommandOfTheTryItSectionAnswersWhatTheReadmeSays() throws Exception {
        Files.createDirectories(workDir.resolve("data"));
        Files.writeString(workDir.resolve("data/admin-password"), ADMIN_PASSWORD + "\n");
        List<Step> steps = steps(Files.readString(README));
        assertThat(steps).as("commands in the README's Try it section").hasSizeGreaterThanOrEqualTo(10);
        Map<String, String> answers = new LinkedHashMap<>();
        for (Step step : steps) {
            String command = step.command().replace(README_ADDRESS, "http://127.0.0.1:" + port);
            long deadline = System.nanoTime() + READ_PATIENCE.toNanos();
            String answer = run(command);
            while (step.isRead() && !containsAll(answer, step.expected()) && System.nanoTime() < deadline) {
                Thread.sleep(500);
                answer = run(command);
            }
            for (String line : step.expected()) {
                assertThat(answer).as("the answer to: %s", step.command()).contains(line);
            }
            answers.put(step.command(), answer);
        }

        // the prose: Ann's message rated as sent for Ann and as received for Bob, and named by no mismatch list
        String messageId = message(records(answers, "%2B447700900001"), "SENT").path("messageId").asString();
        assertThat(messageId).as("Ann's sent message's id").isNotBlank();
        JsonNode received = message(records(answers, "%2B447700900002"), "RECEIVED");
        assertThat(received.path("messageId").asString()).as("Bob's received record is Ann's message").isEqualTo(messageId);
        String reconciliation = commandOf(answers, "/billing/reconciliation/");
        String command = reconciliation.replace(README_ADDRESS, "http://127.0.0.1:" + port);
        long deadline = System.nanoTime() + READ_PATIENCE.toNanos();
        List<String> naming = mismatchesNaming(run(command), messageId);
        while (!naming.isEmpty() && System.nanoTime() < deadline) {  // the receipt may still be on its way
            Thread.sleep(500);
            naming = mismatchesNaming(run(command), messageId);
        }
        assertThat(naming).as("mismatch lists of the day naming Ann's message").isEmpty();
    }

    private static String commandOf(Map<String, String> answers, String path) {
        return answers.keySet().stream().filter(command -> command.contains(path)).findFirst().orElseThrow();
    }

    private static JsonNode records(Map<String, String> answers, String msisdn) {
        return JSON.readTree(answers.get(answers.keySet().stream()
                .filter(command -> command.contains("/billing/records?msisdn=" + msisdn)).findFirst().orElseThrow()));
    }

    /** The one message record of that direction: the section sends one message. */
    private static JsonNode message(JsonNode records, String direction) {
        List<JsonNode> messages = new ArrayList<>();
        records.forEach(record -> {
            if ("MESSAGE".equals(record.path("kind").asString()) && direction.equals(record.path("direction").asString())) {
                messages.add(record);
            }
        });
        assertThat(messages).as("%s message records", direction).hasSize(1);
        return messages.getFirst();
    }

    /** The three-way comparison's mismatch lists (all its lists but {@code moFree}) with an entry about the message. */
    private static List<String> mismatchesNaming(String report, String messageId) {
        List<String> naming = new ArrayList<>();
        JSON.readTree(report).path("threeWay").properties().forEach(list -> {
            if (list.getValue().isArray() && !list.getKey().equals("moFree")) {
                list.getValue().forEach(entry -> {
                    if (entry.asString().contains(messageId)) {
                        naming.add(list.getKey() + ": " + entry.asString());
                    }
                });
            }
        });
        return naming;
    }

    /** The section's {@code sh} blocks, each with the {@code text} block right under it (required). */
    static List<Step> steps(String readme) {
        int start = readme.indexOf("\n## Try it\n");
        assertThat(start).as("a 'Try it' section in README.md").isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        Matcher block = Pattern.compile("```(\\w+)\\n(.*?)```", Pattern.DOTALL).matcher(section);
        List<Step> steps = new ArrayList<>();
        String command = null;
        while (block.find()) {
            String kind = block.group(1);
            String body = block.group(2).strip();
            if (kind.equals("sh")) {
                assertThat(command).as("an answer block under: %s", command).isNull();
                command = body;
            } else if (kind.equals("text")) {
                assertThat(command).as("a command above the answer block: %s", body).isNotNull();
                steps.add(new Step(command, body.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()));
                command = null;
            }
        }
        assertThat(command).as("an answer block under: %s", command).isNull();
        return steps;
    }

    private static boolean containsAll(String answer, List<String> lines) {
        return lines.stream().allMatch(answer::contains);
    }

    private String run(String command) throws IOException, InterruptedException {
        // date as the platform's clock reads: the README's days and periods are the platform's
        String script = "date() { command date -d @" + clock.instant().getEpochSecond() + " \"$@\"; }\n" + command;
        Process bash = new ProcessBuilder("bash", "-c", script).directory(workDir.toFile()).redirectErrorStream(true).start();
        byte[] out = bash.getInputStream().readAllBytes();
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String answer = new String(out, StandardCharsets.UTF_8);
        assertThat(bash.exitValue()).as("exit status of: %s (%s)", command, answer).isZero();
        return answer;
    }
}
