package io.mobim.platform.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The image's invariants, read from the {@code Dockerfile} (no Docker engine runs in the build): the jar is built once,
 * a stage on top of the runtime stage records the JVM start-up cache with the JVM, jars and user the image ships, the
 * way {@code ./mobim prepare} does, and the final image carries that cache and uses it; the process runs as the
 * non-root user the chart expects, with container-aware JVM options.
 */
class DockerfileTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern FROM = Pattern.compile("(\\S+)(?:\\s+AS\\s+(\\S+))?", Pattern.CASE_INSENSITIVE);

    private record Instruction(String keyword, String arguments) {
    }

    private record Stage(String base, String name, List<Instruction> instructions) {
    }

    private final List<Instruction> preamble = new ArrayList<>();
    private final List<Stage> stages = stages(ROOT.resolve("Dockerfile"));
    private final Stage last = stages.getLast();
    /** What the shipped image is made of: the last stage and the stages it is built on, oldest first. */
    private final List<Instruction> image = lineage(last);

    DockerfileTest() throws IOException {
    }

    @Test
    void theJarIsBuiltOnceInTheBuildStage() {
        List<Instruction> builds = stages.stream().flatMap(stage -> stage.instructions().stream())
                .filter(instruction -> instruction.keyword().equals("RUN") && instruction.arguments().contains("mvnw"))
                .toList();
        assertThat(builds).hasSize(1);
        assertThat(builds.getFirst().arguments()).contains(" package").contains("-Dmobim.startup-cache.skip=true");
        assertThat(image).doesNotContain(builds.getFirst());
        // both images carry a JDK that writes and reads an AOT cache
        assertThat(preamble).filteredOn(instruction -> instruction.keyword().equals("ARG")).map(Instruction::arguments)
                .filteredOn(arg -> arg.matches("(JDK|JRE)_IMAGE=.*")).hasSize(2)
                .allSatisfy(base -> assertThat(javaVersion(base)).as(base).isGreaterThanOrEqualTo(25));
    }

    @Test
    void theStartupCacheIsRecordedOnTheShippedRuntimeAndTheEntrypointUsesIt() throws IOException {
        Stage recording = stages.stream().filter(stage -> training(stage).isPresent()).findFirst()
                .orElseThrow(() -> new AssertionError("no stage records an AOT cache"));
        String training = training(recording).orElseThrow().arguments();
        // recorded on the very layers the image ships (JVM, jars, user, environment), which the cache is only valid for
        assertThat(recording.base()).as("the recording stage's base").isEqualTo(last.base());
        assertThat(stage(last.base())).as("a stage of this Dockerfile").isPresent();
        assertThat(training).contains("test -s " + option(training, "-XX:AOTCacheOutput="));

        // the final image takes the cache, and only the cache, from the recording stage; the application cannot change it
        Instruction copy = last.instructions().stream()
                .filter(instruction -> instruction.keyword().equals("COPY") && instruction.arguments().contains("--from=" + recording.name()))
                .findFirst().orElseThrow(() -> new AssertionError("the final stage does not copy the cache"));
        List<String> words = Arrays.asList(copy.arguments().split("\\s+"));
        assertThat(words).contains("--chown=0:0");
        String cache = words.getLast();
        assertThat(words.get(words.size() - 2)).isEqualTo(option(training, "-XX:AOTCacheOutput="));

        List<String> entrypoint = entrypoint();
        assertThat(entrypoint.getFirst()).isEqualTo("java");
        assertThat(entrypoint).contains("-XX:AOTCache=" + cache);

        // the cache is only valid for the class path and the JVM options that recorded it
        String jar = entrypoint.get(entrypoint.indexOf("-jar") + 1);
        assertThat(training).contains("-jar " + jar + " ");
        assertThat(jvmOptions(Arrays.asList(training.split("\\s+")))).containsExactlyInAnyOrderElementsOf(jvmOptions(entrypoint));
        // and for compressed object pointers, which a heap of 32 GB or more goes without, whatever the build machine
        Matcher heap = Pattern.compile("-Xmx(\\d+)([mMgG])").matcher(training);
        assertThat(heap.find()).as("the training's heap is bounded").isTrue();
        long megabytes = Long.parseLong(heap.group(1)) * (heap.group(2).equalsIgnoreCase("g") ? 1024 : 1);
        assertThat(megabytes).isLessThan(32 * 1024);

        // the training start is ./mobim prepare's
        Matcher launcher = Pattern.compile("-jar \"\\$app_dir/mobim.jar\" (.*?) >\"\\$log\"", Pattern.DOTALL)
                .matcher(Files.readString(ROOT.resolve("mobim")).replace("\\\n", " "));
        assertThat(launcher.find()).as("the launcher's training start").isTrue();
        for (String argument : launcher.group(1).trim().split("\\s+")) {
            assertThat(training).contains(" " + argument);
        }
        assertThat(training).contains("-Dspring.context.exit=onRefresh");
    }

    @Test
    void theProcessRunsAsTheNonRootUserTheChartExpectsWithContainerAwareOptions() throws IOException {
        List<String> users = arguments(image, "USER");
        assertThat(users).hasSize(1);
        String uid = users.getFirst().split(":")[0].replace("${MOBIM_UID}", argDefault("MOBIM_UID"));
        assertThat(Integer.parseInt(uid)).isPositive();
        // the cache is recorded as that user: the recording stage inherits it and changes nothing
        Stage recording = stages.stream().filter(stage -> training(stage).isPresent()).findFirst().orElseThrow();
        assertThat(arguments(lineage(recording), "USER")).isEqualTo(users);

        Map<String, Object> values = new Yaml().load(Files.readString(ROOT.resolve("helm/mobim/values.yaml")));
        @SuppressWarnings("unchecked")
        Map<String, Object> pod = (Map<String, Object>) values.get("podSecurityContext");
        assertThat(pod).containsEntry("runAsNonRoot", true).containsEntry("runAsUser", Integer.parseInt(uid));

        String toolOptions = arguments(image, "ENV").stream().filter(env -> env.startsWith("JAVA_TOOL_OPTIONS=")).findFirst()
                .orElseThrow(() -> new AssertionError("no JAVA_TOOL_OPTIONS"));
        assertThat(toolOptions).contains("-XX:MaxRAMPercentage=").contains("-XX:+ExitOnOutOfMemoryError")
                .doesNotContain("-Xmx").doesNotContain("-Xms");
    }

    // --- reading the Dockerfile ---

    private List<Stage> stages(Path dockerfile) throws IOException {
        List<Stage> stages = new ArrayList<>();
        List<Instruction> current = preamble;
        String joined = Files.readString(dockerfile).lines().filter(line -> !line.stripLeading().startsWith("#"))
                .reduce("", (text, line) -> text + line + "\n").replace("\\\n", " ");
        for (String line : joined.lines().map(String::strip).filter(line -> !line.isEmpty()).toList()) {
            String[] parts = line.split("\\s+", 2);
            Instruction instruction = new Instruction(parts[0].toUpperCase(), parts.length > 1 ? parts[1] : "");
            if (instruction.keyword().equals("FROM")) {
                Matcher from = FROM.matcher(instruction.arguments());
                assertThat(from.matches()).as(line).isTrue();
                current = new ArrayList<>();
                stages.add(new Stage(from.group(1), from.group(2), current));
            }
            current.add(instruction);
        }
        assertThat(stages).as("build, runtime and final stages").hasSizeGreaterThanOrEqualTo(2);
        return stages;
    }

    private Optional<Stage> stage(String name) {
        return stages.stream().filter(stage -> name.equals(stage.name())).findFirst();
    }

    private List<Instruction> lineage(Stage stage) {
        List<Instruction> instructions = new ArrayList<>(stage.instructions());
        stage(stage.base()).ifPresent(base -> instructions.addAll(0, lineage(base)));
        return instructions;
    }

    private static Optional<Instruction> training(Stage stage) {
        return stage.instructions().stream()
                .filter(instruction -> instruction.keyword().equals("RUN") && instruction.arguments().contains("-XX:AOTCacheOutput="))
                .findFirst();
    }

    private static List<String> arguments(List<Instruction> scope, String keyword) {
        return scope.stream().filter(instruction -> instruction.keyword().equals(keyword)).map(Instruction::arguments).toList();
    }

    private String argDefault(String name) {
        return arguments(image, "ARG").stream().filter(arg -> arg.startsWith(name + "=")).map(arg -> arg.substring(name.length() + 1))
                .findFirst().orElseThrow(() -> new AssertionError("no default for ARG " + name));
    }

    private List<String> entrypoint() {
        List<String> entrypoints = arguments(image, "ENTRYPOINT");
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
