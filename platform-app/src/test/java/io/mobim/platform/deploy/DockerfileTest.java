package io.mobim.platform.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The image's invariants, read from the {@code Dockerfile} (no Docker engine runs in the build): the jar is built once,
 * the runtime stage records the JVM start-up cache with the JVM and jars it ships, the way {@code ./mobim prepare}
 * does, and the entrypoint uses it; the process runs as the non-root user the chart expects, with container-aware
 * JVM options.
 */
class DockerfileTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private record Instruction(String keyword, String arguments) {
    }

    private final List<List<Instruction>> stages = stages(ROOT.resolve("Dockerfile"));
    private final List<Instruction> runtime = stages.getLast();

    DockerfileTest() throws IOException {
    }

    @Test
    void theJarIsBuiltOnceInTheBuildStage() {
        List<Instruction> builds = stages.stream().flatMap(List::stream)
                .filter(instruction -> instruction.keyword().equals("RUN") && instruction.arguments().contains("mvnw"))
                .toList();
        assertThat(builds).hasSize(1);
        assertThat(builds.getFirst().arguments()).contains(" package").contains("-Dmobim.startup-cache.skip=true");
        assertThat(runtime).doesNotContain(builds.getFirst());
        // both images carry a JDK that writes and reads an AOT cache
        assertThat(arguments("ARG")).filteredOn(arg -> arg.matches("(JDK|JRE)_IMAGE=.*")).hasSize(2)
                .allSatisfy(image -> assertThat(javaVersion(image)).as(image).isGreaterThanOrEqualTo(25));
    }

    @Test
    void theRuntimeStageRecordsTheStartupCacheAndTheEntrypointUsesIt() throws IOException {
        Instruction training = runtime.stream()
                .filter(instruction -> instruction.keyword().equals("RUN") && instruction.arguments().contains("-XX:AOTCacheOutput="))
                .findFirst().orElseThrow(() -> new AssertionError("no training run records an AOT cache in the runtime stage"));
        String cache = option(training.arguments(), "-XX:AOTCacheOutput=");
        List<String> entrypoint = entrypoint();
        assertThat(entrypoint.getFirst()).isEqualTo("java");
        assertThat(entrypoint).contains("-XX:AOTCache=" + cache);
        assertThat(training.arguments()).contains("test -s " + cache);

        // the cache is only valid for the class path and the JVM options that recorded it
        String jar = entrypoint.get(entrypoint.indexOf("-jar") + 1);
        assertThat(training.arguments()).contains("-jar " + jar + " ");
        assertThat(jvmOptions(Arrays.asList(training.arguments().split("\\s+"))))
                .containsExactlyInAnyOrderElementsOf(jvmOptions(entrypoint));

        // the training start is ./mobim prepare's
        Matcher launcher = Pattern.compile("-jar \"\\$app_dir/mobim.jar\" (.*?) >\"\\$log\"", Pattern.DOTALL)
                .matcher(Files.readString(ROOT.resolve("mobim")).replace("\\\n", " "));
        assertThat(launcher.find()).as("the launcher's training start").isTrue();
        for (String argument : launcher.group(1).trim().split("\\s+")) {
            assertThat(training.arguments()).contains(" " + argument);
        }
        assertThat(training.arguments()).contains("-Dspring.context.exit=onRefresh");
    }

    @Test
    void theProcessRunsAsTheNonRootUserTheChartExpectsWithContainerAwareOptions() throws IOException {
        List<String> users = arguments("USER");
        assertThat(users).hasSize(1);
        String uid = users.getFirst().split(":")[0].replace("${MOBIM_UID}", argDefault("MOBIM_UID"));
        assertThat(Integer.parseInt(uid)).isPositive();
        // the cache is recorded as that user (and nothing after it runs as root)
        int user = indexOf("USER");
        assertThat(runtime.subList(user, runtime.size())).anyMatch(instruction -> instruction.arguments().contains("AOTCacheOutput"));

        Map<String, Object> values = new Yaml().load(Files.readString(ROOT.resolve("helm/mobim/values.yaml")));
        @SuppressWarnings("unchecked")
        Map<String, Object> pod = (Map<String, Object>) values.get("podSecurityContext");
        assertThat(pod).containsEntry("runAsNonRoot", true).containsEntry("runAsUser", Integer.parseInt(uid));

        String toolOptions = arguments("ENV").stream().filter(env -> env.startsWith("JAVA_TOOL_OPTIONS=")).findFirst()
                .orElseThrow(() -> new AssertionError("no JAVA_TOOL_OPTIONS"));
        assertThat(toolOptions).contains("-XX:MaxRAMPercentage=").contains("-XX:+ExitOnOutOfMemoryError")
                .doesNotContain("-Xmx").doesNotContain("-Xms");
    }

    // --- reading the Dockerfile ---

    private static List<List<Instruction>> stages(Path dockerfile) throws IOException {
        List<List<Instruction>> stages = new ArrayList<>();
        List<Instruction> preamble = new ArrayList<>();
        List<Instruction> current = preamble;
        String joined = Files.readString(dockerfile).lines().filter(line -> !line.stripLeading().startsWith("#"))
                .reduce("", (text, line) -> text + line + "\n").replace("\\\n", " ");
        for (String line : joined.lines().map(String::strip).filter(line -> !line.isEmpty()).toList()) {
            String[] parts = line.split("\\s+", 2);
            Instruction instruction = new Instruction(parts[0].toUpperCase(), parts.length > 1 ? parts[1] : "");
            if (instruction.keyword().equals("FROM")) {
                current = new ArrayList<>();
                stages.add(current);
            }
            current.add(instruction);
        }
        // ARGs before the first FROM belong to the whole file
        stages.getFirst().addAll(0, preamble);
        assertThat(stages).as("build and runtime stages").hasSizeGreaterThanOrEqualTo(2);
        return stages;
    }

    private List<String> arguments(String keyword) {
        List<Instruction> scope = keyword.equals("ARG") ? stages.stream().flatMap(List::stream).toList() : runtime;
        return scope.stream().filter(instruction -> instruction.keyword().equals(keyword)).map(Instruction::arguments).toList();
    }

    private String argDefault(String name) {
        return arguments("ARG").stream().filter(arg -> arg.startsWith(name + "=")).map(arg -> arg.substring(name.length() + 1))
                .findFirst().orElseThrow(() -> new AssertionError("no default for ARG " + name));
    }

    private int indexOf(String keyword) {
        for (int i = 0; i < runtime.size(); i++) {
            if (runtime.get(i).keyword().equals(keyword)) {
                return i;
            }
        }
        throw new AssertionError("no " + keyword + " in the runtime stage");
    }

    private List<String> entrypoint() {
        List<String> entrypoints = arguments("ENTRYPOINT");
        assertThat(entrypoints).hasSize(1);
        // exec form, so that the JVM is PID 1 and gets SIGTERM
        @SuppressWarnings("unchecked")
        List<String> exec = (List<String>) new Yaml().load(entrypoints.getFirst());
        return exec;
    }

    private static int javaVersion(String image) {
        Matcher version = Pattern.compile(":(\\d+)[-.]").matcher(image);
        assertThat(version.find()).as(image).isTrue();
        return Integer.parseInt(version.group(1));
    }

    private static String option(String command, String prefix) {
        Matcher value = Pattern.compile(Pattern.quote(prefix) + "(\\S+)").matcher(command);
        assertThat(value.find()).as(prefix).isTrue();
        return value.group(1);
    }

    /** The options a start-up cache depends on: every -XX and -Xlog option but the cache's own. */
    private static List<String> jvmOptions(List<String> command) {
        return command.stream().filter(word -> word.startsWith("-XX:") || word.startsWith("-Xlog"))
                .filter(word -> !word.startsWith("-XX:AOTCache")).toList();
    }
}
