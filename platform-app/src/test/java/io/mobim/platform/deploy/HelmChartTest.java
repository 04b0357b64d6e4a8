package io.mobim.platform.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.mobim.platform.docs.SettingsReference;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.util.FileSystemUtils;
import org.yaml.snakeyaml.Yaml;

/**
 * The Helm chart ({@code helm/mobim}) as Helm itself renders it (helm-java runs Helm's own Go code): {@code helm lint
 * --strict} and {@code helm template} for the default values and for each {@code ci/*-values.yaml}, and what the
 * manifests must say whatever the values: one Deployment per enabled role and none for a role that has nothing to
 * run, probes on the application's Actuator health groups, no secret in a ConfigMap or a plain variable, the admin
 * password from a Secret, the smpp pods within the binds the SMS-Cs allow, non-root pods on a read-only root with a
 * writable {@code /tmp}, the CIR port and the interconnect peers on the im role only, billing reading the message log
 * with the admin's Secret keys, and every {@code MOBIM_*} variable a real setting.
 */
class HelmChartTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path CHART = ROOT.resolve("helm/mobim");
    private static final Pattern ROLE_PROPERTY = Pattern.compile("mobim\\.role\\.([a-z]+)\\.enabled");

    /** The chart as {@link #template} renders it. */
    private static Path renderable;

    static Stream<Path> ciValues() throws IOException {
        try (Stream<Path> files = Files.list(CHART.resolve("ci"))) {
            List<Path> all = files.filter(file -> file.getFileName().toString().endsWith("-values.yaml")).sorted().toList();
            assertThat(all).isNotEmpty();
            return all.stream();
        }
    }

    @BeforeAll
    static void renderableCopy(@TempDir Path work) throws IOException {
        // helm-java's engine reports Kubernetes v1.20 (Helm's built-in default) and takes no --kube-version, so the
        // copy it renders leaves out the chart's kubeVersion; helm install checks that against the real cluster
        renderable = work.resolve("mobim");
        FileSystemUtils.copyRecursively(CHART, renderable);
        Path chartYaml = renderable.resolve("Chart.yaml");
        String declared = Files.readString(chartYaml);
        assertThat(declared).containsPattern("(?m)^kubeVersion: ");
        Files.writeString(chartYaml, declared.replaceAll("(?m)^kubeVersion: .*\n", ""));
    }

    @Test
    void theDefaultValuesLintButDoNotRenderWithoutAnAdminPassword() {
        // lint leaves required values to the operator (Helm logs their failures); rendering refuses them
        LintResult lint = new Helm(CHART).lint().strict().call();
        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();

        assertThatThrownBy(() -> template(null, Map.of()))
                .hasMessageContaining("admin.password is required");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ciValues")
    void lintsCleanAndRendersWhatADeploymentNeeds(Path valuesFile, @TempDir Path work) throws IOException {
        Map<String, Object> values = values(valuesFile);
        LintResult lint = new Helm(chartWith(values, work)).lint().strict().call();
        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();

        Manifests manifests = new Manifests(template(valuesFile, Map.of()));
        Set<String> enabled = enabledRoles(values);

        // one Deployment per enabled role, running that role only, and only roles that have something to run
        assertThat(manifests.deployments()).extracting(Manifests::component).containsExactlyInAnyOrderElementsOf(enabled);
        assertThat(rolesWithSomethingToRun()).as("roles with something to run").containsAll(enabled);
        for (Map<String, Object> deployment : manifests.deployments()) {
            assertThat(Manifests.env(deployment).get("MOBIM_ROLES")).containsEntry("value", Manifests.component(deployment));
        }
        assertProbesOnTheHealthGroups(manifests);
        assertNoSecretInPlainSight(manifests, values);
        assertAdminPasswordFromTheSecret(manifests, values);
        assertClearingUserFromTheSecretOfTheClearingRoleOnly(manifests, values);
        assertSmppPodsWithinTheBinds(manifests, values);
        assertNonRootOnAReadOnlyRootWithAWritableTmp(manifests);
        assertImRoleOnlySettings(manifests, values);
        assertBillingReadsTheMessageLogAsTheAdmin(manifests, values);
        assertTopicSettingsOnlyWhereTheOperatorSetsThem(manifests, values);
        assertEveryMobimVariableIsASetting(manifests);
    }

    @Test
    void theDefaultValuesRunEveryRoleThatHasSomethingToRunAndNoOther() throws IOException {
        Map<String, Object> values = values(CHART.resolve("ci/minimal-values.yaml"));
        // what the code runs per role: its auto-configurations gated on mobim.role.<role>.enabled
        assertThat(enabledRoles(values)).isEqualTo(rolesWithSomethingToRun());
    }

    @Test
    void moreSmppPodsThanAnSmscAllowsBindsAreRefused() {
        Path minimal = CHART.resolve("ci/minimal-values.yaml");
        assertThatThrownBy(() -> template(minimal, Map.of("roles.smpp.replicas", 2)))
                .hasMessageContaining("smpp.smscs[0] allows 1 bind(s) (maxBinds), but 2 smpp pod(s) may run at once");
        // a rollout that starts a new pod before the old one stops holds one bind more
        assertThatThrownBy(() -> template(minimal, Map.of("roles.smpp.strategy.rollingUpdate.maxSurge", 1)))
                .hasMessageContaining("maxBinds");
        // a transmitter-receiver link takes two binds per pod
        assertThat(new Manifests(template(minimal, Map.of("roles.smpp.replicas", 2, "smpp.smscs[0].maxBinds", 2)))
                .deployments()).isNotEmpty();
        assertThatThrownBy(() -> template(minimal, Map.of("smpp.smscs[0].bindType", "TRANSMITTER_RECEIVER",
                "smpp.smscs[0].maxBinds", 1))).hasMessageContaining("2 bind(s) each");
    }

    @Test
    void aClearingUserWithoutAPasswordIsRefused() {
        assertThatThrownBy(() -> template(CHART.resolve("ci/minimal-values.yaml"), Map.of("clearing.user", "clearing-team")))
                .hasMessageContaining("clearing.password is required with clearing.user");
    }

    @Test
    void aSecretGivenAsPlainConfigurationIsRefused() {
        assertThatThrownBy(() -> template(CHART.resolve("ci/minimal-values.yaml"),
                Map.of("extraConfig.SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", "PlainLoginModule required;")))
                .hasMessageContaining("extraConfig.SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG looks like a secret");
    }

    // --- what every rendering must say ---

    private static void assertProbesOnTheHealthGroups(Manifests manifests) throws IOException {
        Properties application = new Properties();
        try (InputStream in = HelmChartTest.class.getClassLoader().getResourceAsStream("application.properties")) {
            application.load(Objects.requireNonNull(in, "application.properties"));
        }
        // the groups the probes ask for exist in the application, on the port it listens on
        assertThat(application.getProperty("management.endpoint.health.probes.enabled")).isEqualTo("true");
        assertThat(application.getProperty("management.endpoint.health.group.liveness.include")).isNotBlank();
        assertThat(application.getProperty("management.endpoint.health.group.readiness.include")).isNotBlank();
        int serverPort = Integer.parseInt(application.getProperty("server.port"));
        for (Map<String, Object> deployment : manifests.deployments()) {
            Map<String, Object> container = Manifests.container(deployment);
            assertThat(Manifests.list(container, "ports")).anySatisfy(port -> assertThat(port)
                    .containsEntry("name", "http").containsEntry("containerPort", serverPort));
            assertThat(Manifests.path(container, "livenessProbe", "httpGet"))
                    .containsEntry("path", "/actuator/health/liveness").containsEntry("port", "http");
            assertThat(Manifests.path(container, "readinessProbe", "httpGet"))
                    .containsEntry("path", "/actuator/health/readiness").containsEntry("port", "http");
            assertThat(Manifests.path(container, "startupProbe", "httpGet"))
                    .containsEntry("path", "/actuator/health/liveness").containsEntry("port", "http");
        }
    }

    private static void assertNoSecretInPlainSight(Manifests manifests, Map<String, Object> values) {
        Set<String> secrets = secretValues(values);
        for (Map<String, Object> configMap : manifests.ofKind("ConfigMap")) {
            Map<String, Object> data = Manifests.map(configMap, "data");
            assertThat(data.keySet()).noneMatch(key -> key.matches("(?i).*(password|secret|jaas).*"));
            assertThat(data.values()).allSatisfy(value -> assertThat(secrets).noneMatch(String.valueOf(value)::contains));
        }
        for (Map<String, Object> deployment : manifests.deployments()) {
            Manifests.env(deployment).forEach((name, variable) -> {
                Object value = variable.get("value");
                if (value != null) {
                    assertThat(secrets).as(name).noneMatch(String.valueOf(value)::contains);
                    if (name.contains("PASSWORD")) {
                        // only a reference to another setting, itself from the Secret
                        assertThat(String.valueOf(value)).as(name).matches("\\$\\{[a-z.-]+:?}");
                    }
                }
            });
        }
    }

    private static void assertAdminPasswordFromTheSecret(Manifests manifests, Map<String, Object> values) {
        String secretName = secretName(manifests, values);
        if (secretName.equals(values.get("existingSecret"))) {
            assertThat(manifests.ofKind("Secret")).isEmpty();
        } else {
            assertThat(Manifests.map(manifests.ofKind("Secret").getFirst(), "data")).containsKey("admin-password");
        }
        for (Map<String, Object> deployment : manifests.deployments()) {
            assertFromTheSecret(Manifests.env(deployment).get("MOBIM_ADMIN_PASSWORD"), secretName, "admin-password", false);
        }
    }

    private static void assertClearingUserFromTheSecretOfTheClearingRoleOnly(Manifests manifests, Map<String, Object> values) {
        String secretName = secretName(manifests, values);
        Object clearingUser = Manifests.map(values, "clearing").get("user");
        if (!secretName.equals(values.get("existingSecret")) && clearingUser != null && !clearingUser.toString().isEmpty()) {
            assertThat(Manifests.map(manifests.ofKind("Secret").getFirst(), "data"))
                    .containsKeys("clearing-user", "clearing-password");
        }
        for (Map<String, Object> deployment : manifests.deployments()) {
            Map<String, Map<String, Object>> env = Manifests.env(deployment);
            if (Manifests.component(deployment).equals("clearing")) {
                assertFromTheSecret(env.get("MOBIM_ADMIN_CLEARING_USER"), secretName, "clearing-user", true);
                assertFromTheSecret(env.get("MOBIM_ADMIN_CLEARING_PASSWORD"), secretName, "clearing-password", true);
            } else {
                assertThat(env).as(Manifests.component(deployment))
                        .doesNotContainKeys("MOBIM_ADMIN_CLEARING_USER", "MOBIM_ADMIN_CLEARING_PASSWORD");
            }
        }
    }

    /** What the image allows (user 10001, nothing written outside /tmp) is what every pod asks for. */
    private static void assertNonRootOnAReadOnlyRootWithAWritableTmp(Manifests manifests) {
        for (Map<String, Object> deployment : manifests.deployments()) {
            Map<String, Object> pod = Manifests.path(deployment, "spec", "template", "spec");
            Map<String, Object> container = Manifests.container(deployment);
            assertThat(Manifests.map(pod, "securityContext")).containsEntry("runAsNonRoot", true);
            assertThat(Manifests.map(container, "securityContext")).containsEntry("readOnlyRootFilesystem", true)
                    .containsEntry("allowPrivilegeEscalation", false);
            Map<String, Object> tmp = Manifests.list(container, "volumeMounts").stream()
                    .filter(mount -> "/tmp".equals(mount.get("mountPath"))).findFirst().orElseThrow();
            assertThat(tmp).doesNotContainKey("readOnly");
            assertThat(Manifests.list(pod, "volumes")).anySatisfy(volume -> assertThat(volume)
                    .containsEntry("name", tmp.get("name")).containsKey("emptyDir"));
        }
    }

    /**
     * The CIR port and the interconnect peers reach the im pods only: the port the app listens on is the one its
     * container and Service expose, and each peer's signing secret comes from the Secret the values name.
     */
    private static void assertImRoleOnlySettings(Manifests manifests, Map<String, Object> values) {
        Object cirPort = Manifests.map(values, "wirelessVillage").get("cirPort");
        List<Map<String, Object>> peers = Manifests.list(Manifests.map(values, "interconnect"), "peers");
        for (Map<String, Object> deployment : manifests.deployments()) {
            Map<String, Map<String, Object>> env = Manifests.env(deployment);
            if (!Manifests.component(deployment).equals("im")) {
                assertThat(env.keySet()).as(Manifests.component(deployment))
                        .noneMatch(name -> name.startsWith("MOBIM_INTERCONNECT_") || name.startsWith("MOBIM_WV_"));
                assertThat(Manifests.list(Manifests.container(deployment), "ports")).extracting(port -> port.get("name"))
                        .containsExactly("http");
                continue;
            }
            assertThat(env.get("MOBIM_WV_CIR_TCP_PORT")).containsEntry("value", String.valueOf(cirPort));
            assertThat(Manifests.list(Manifests.container(deployment), "ports")).anySatisfy(port -> assertThat(port)
                    .containsEntry("name", "cir").containsEntry("containerPort", cirPort));
            assertThat(env.keySet().stream().filter(name -> name.startsWith("MOBIM_INTERCONNECT_PEERS_")))
                    .hasSize(2 * peers.size());
            for (Map<String, Object> peer : peers) {
                String prefix = "MOBIM_INTERCONNECT_PEERS_" + peer.get("code");
                assertThat(env.get(prefix + "_URL")).containsEntry("value", peer.get("url"));
                Map<String, Object> ref = Manifests.map(peer, "secretKeyRef");
                assertThat(env.get(prefix + "_SECRET")).as(prefix).doesNotContainKey("value");
                assertThat(Manifests.path(env.get(prefix + "_SECRET"), "valueFrom", "secretKeyRef"))
                        .containsEntry("name", ref.get("name")).containsEntry("key", ref.get("key"));
            }
        }
        for (Map<String, Object> service : manifests.ofKind("Service")) {
            List<Map<String, Object>> ports = Manifests.list(Manifests.map(service, "spec"), "ports");
            if ("im".equals(Manifests.component(service))) {
                assertThat(ports).anySatisfy(port -> assertThat(port).containsEntry("name", "cir")
                        .containsEntry("port", cirPort).containsEntry("targetPort", "cir"));
            } else {
                assertThat(ports).extracting(port -> port.get("name")).containsExactly("http");
            }
        }
    }

    /** Billing fetches the message log from the im Service with the admin credentials the im pods read. */
    private static void assertBillingReadsTheMessageLogAsTheAdmin(Manifests manifests, Map<String, Object> values) {
        boolean im = enabledRoles(values).contains("im");
        String secretName = secretName(manifests, values);
        for (Map<String, Object> deployment : manifests.deployments()) {
            Map<String, Map<String, Object>> env = Manifests.env(deployment);
            if (im && Manifests.component(deployment).equals("billing")) {
                assertThat(env.get("MOBIM_BILLING_RECONCILIATION_MESSAGELOG_URL").get("value").toString())
                        .matches("http://[a-z0-9-]+-im:[0-9]+/api/v1/messages/log");
                assertFromTheSecret(env.get("MOBIM_BILLING_RECONCILIATION_MESSAGELOG_USERNAME"), secretName, "admin-user", true);
                assertFromTheSecret(env.get("MOBIM_BILLING_RECONCILIATION_MESSAGELOG_PASSWORD"), secretName, "admin-password", false);
            } else {
                assertThat(env.keySet()).noneMatch(name -> name.startsWith("MOBIM_BILLING_RECONCILIATION_MESSAGELOG_"));
            }
        }
    }

    /** The chart repeats no default of the application's: a topic setting reaches the pods only when given. */
    private static void assertTopicSettingsOnlyWhereTheOperatorSetsThem(Manifests manifests, Map<String, Object> values) {
        Map<String, Object> kafka = Manifests.map(values, "kafka");
        Map<String, Object> config = Manifests.map(manifests.ofKind("ConfigMap").getFirst(), "data");
        Map<String, String> variables = Map.of("partitions", "MOBIM_KAFKA_PARTITIONS",
                "replicationFactor", "MOBIM_KAFKA_REPLICATION_FACTOR");
        variables.forEach((value, variable) -> {
            if (kafka.containsKey(value)) {
                assertThat(config).containsEntry(variable, String.valueOf(kafka.get(value)));
            } else {
                assertThat(config).doesNotContainKey(variable);
            }
        });
    }

    /** The Secret the pods read: the chart's own (exactly one), or the existing one named in values. */
    private static String secretName(Manifests manifests, Map<String, Object> values) {
        String existing = (String) values.get("existingSecret");
        if (existing != null && !existing.isEmpty()) {
            return existing;
        }
        List<Map<String, Object>> secrets = manifests.ofKind("Secret");
        assertThat(secrets).hasSize(1);
        return (String) Manifests.map(secrets.getFirst(), "metadata").get("name");
    }

    private static void assertFromTheSecret(Map<String, Object> variable, String secretName, String key, boolean optional) {
        assertThat(variable).as(key).isNotNull().doesNotContainKey("value");
        assertThat(Manifests.path(variable, "valueFrom", "secretKeyRef")).containsEntry("name", secretName)
                .containsEntry("key", key).containsEntry("optional", optional);
    }

    private static void assertSmppPodsWithinTheBinds(Manifests manifests, Map<String, Object> values) {
        for (Map<String, Object> smpp : manifests.deployments()) {
            if (!Manifests.component(smpp).equals("smpp")) {
                continue;
            }
            Map<String, Object> spec = Manifests.map(smpp, "spec");
            int replicas = (Integer) spec.get("replicas");
            int podsAtOnce = replicas + surge(Manifests.map(spec, "strategy"), replicas);
            List<Map<String, Object>> smscs = Manifests.list(Manifests.map(values, "smpp"), "smscs");
            assertThat(smscs).isNotEmpty();
            for (Map<String, Object> smsc : smscs) {
                int perPod = "TRANSMITTER_RECEIVER".equals(smsc.get("bindType")) ? 2 : 1;
                int maxBinds = smsc.get("maxBinds") instanceof Integer given ? given : perPod;
                assertThat(podsAtOnce * perPod).as("binds to %s", smsc.get("host")).isLessThanOrEqualTo(maxBinds);
            }
        }
    }

    /** Pods a rolling update starts before it stops old ones: Kubernetes' rules, 25% unless told. */
    private static int surge(Map<String, Object> strategy, int replicas) {
        if ("Recreate".equals(strategy.get("type"))) {
            return 0;
        }
        Object maxSurge = Manifests.map(strategy, "rollingUpdate").getOrDefault("maxSurge", "25%");
        if (maxSurge instanceof Integer pods) {
            return pods;
        }
        int percent = Integer.parseInt(maxSurge.toString().replace("%", ""));
        return (percent * replicas + 99) / 100;
    }

    private static void assertEveryMobimVariableIsASetting(Manifests manifests) {
        List<Pattern> settings = new SettingsReference(ROOT).settings().stream()
                .map(setting -> environmentVariable(setting.name(), setting.type())).toList();
        Set<String> variables = new TreeSet<>();
        manifests.ofKind("ConfigMap").forEach(configMap -> variables.addAll(Manifests.map(configMap, "data").keySet()));
        manifests.deployments().forEach(deployment -> variables.addAll(Manifests.env(deployment).keySet()));
        assertThat(variables.stream().filter(name -> name.startsWith("MOBIM_")))
                .allSatisfy(name -> assertThat(settings).as("%s names a mobim setting (docs/settings.md)", name)
                        .anyMatch(setting -> setting.matcher(name).matches()));
    }

    /**
     * The environment variable names Spring binds to a setting, dashes dropped or as underscores (Boot's legacy form):
     * MOBIM_SMPP_SMSC_0_SYSTEMID or MOBIM_SMPP_SMSC_0_SYSTEM_ID for mobim.smpp.smsc[N].system-id.
     */
    private static Pattern environmentVariable(String setting, String type) {
        String name = Pattern.quote(setting.toUpperCase().replace('.', '_')).replace("-", "\\E_?\\Q")
                .replace("[N]", "\\E_[0-9]+\\Q");
        return Pattern.compile(name + (type.startsWith("java.util.Map") ? "_.+" : ""));
    }

    // --- rendering ---

    private static String template(Path valuesFile, Map<String, Object> set) {
        var command = new Helm(renderable).template().withName("mobim").withNamespace("mobim");
        if (valuesFile != null) {
            command.withValuesFile(valuesFile);
        }
        set.forEach(command::set);
        return command.call();
    }

    /** A copy of the chart whose values.yaml holds the given values over its own: {@code helm lint -f values}. */
    private static Path chartWith(Map<String, Object> overrides, Path work) throws IOException {
        Path copy = work.resolve("mobim");
        FileSystemUtils.copyRecursively(CHART, copy);
        Files.writeString(copy.resolve("values.yaml"), new Yaml().dump(merge(load(CHART.resolve("values.yaml")), overrides)));
        return copy;
    }

    /** The chart's values with a values file over them, merged as Helm merges them. */
    private static Map<String, Object> values(Path valuesFile) throws IOException {
        return merge(load(CHART.resolve("values.yaml")), load(valuesFile));
    }

    private static Map<String, Object> load(Path file) throws IOException {
        Map<String, Object> loaded = new Yaml().load(Files.readString(file));
        return loaded == null ? Map.of() : loaded;
    }

    /** Helm's coalescing: maps merge key by key, anything else replaces, null removes. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> over) {
        Map<String, Object> merged = new LinkedHashMap<>(base);
        over.forEach((key, value) -> {
            if (value == null) {
                merged.remove(key);
            } else if (value instanceof Map<?, ?> map && merged.get(key) instanceof Map<?, ?> under) {
                merged.put(key, merge((Map<String, Object>) under, (Map<String, Object>) map));
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }

    private static Set<String> enabledRoles(Map<String, Object> values) {
        Set<String> enabled = new TreeSet<>();
        Manifests.map(values, "roles").forEach((role, settings) -> {
            if (Boolean.TRUE.equals(((Map<?, ?>) settings).get("enabled"))) {
                enabled.add(role);
            }
        });
        return enabled;
    }

    /** The roles some code runs in: those an auto-configuration or configuration class is gated on. */
    static Set<String> rolesWithSomethingToRun() {
        Set<String> roles = new TreeSet<>();
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter((reader, factory) -> {
            reader.getAnnotationMetadata().getAnnotations().stream(ConditionalOnBooleanProperty.class)
                    .flatMap(gate -> Stream.concat(Stream.of(gate.getStringArray("value")), Stream.of(gate.getStringArray("name"))))
                    .map(ROLE_PROPERTY::matcher).filter(Matcher::matches).forEach(role -> roles.add(role.group(1)));
            return false;
        });
        scanner.findCandidateComponents("io.mobim");
        assertThat(roles).as("role-gated code found on the classpath").contains("im", "smpp", "billing");
        return roles;
    }

    private static Set<String> secretValues(Map<String, Object> values) {
        Set<String> secrets = new TreeSet<>();
        Stream.of(Manifests.map(values, "postgresql").get("password"), Manifests.map(values, "admin").get("password"),
                Manifests.map(values, "metrics").get("password"), Manifests.map(values, "clearing").get("password"),
                Manifests.map(values, "wirelessVillage").get("passwordKey")).filter(Objects::nonNull).map(String::valueOf)
                .forEach(secrets::add);
        Manifests.list(Manifests.map(values, "smpp"), "smscs").stream().map(smsc -> smsc.get("password"))
                .filter(Objects::nonNull).map(String::valueOf).forEach(secrets::add);
        secrets.removeIf(String::isEmpty);
        return secrets;
    }

    /** The documents {@code helm template} printed, with paths into them. */
    private record Manifests(List<Map<String, Object>> documents) {

        Manifests(String rendered) {
            this(HelmChartTest.parse(rendered));
        }

        List<Map<String, Object>> ofKind(String kind) {
            return documents.stream().filter(document -> kind.equals(document.get("kind"))).toList();
        }

        List<Map<String, Object>> deployments() {
            return ofKind("Deployment");
        }

        static String component(Map<String, Object> deployment) {
            return (String) path(deployment, "metadata", "labels").get("app.kubernetes.io/component");
        }

        static Map<String, Object> container(Map<String, Object> deployment) {
            List<Map<String, Object>> containers = list(path(deployment, "spec", "template", "spec"), "containers");
            assertThat(containers).hasSize(1);
            return containers.getFirst();
        }

        /** The container's variables by name. */
        static Map<String, Map<String, Object>> env(Map<String, Object> deployment) {
            Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
            for (Map<String, Object> variable : list(container(deployment), "env")) {
                assertThat(byName.put((String) variable.get("name"), variable)).as("%s set twice", variable.get("name")).isNull();
            }
            return byName;
        }

        @SuppressWarnings("unchecked")
        static Map<String, Object> map(Map<String, Object> node, String key) {
            Object value = node == null ? null : node.get(key);
            return value == null ? Map.of() : (Map<String, Object>) value;
        }

        static Map<String, Object> path(Map<String, Object> node, String... keys) {
            Map<String, Object> at = node;
            for (String key : keys) {
                at = map(at, key);
            }
            return at;
        }

        @SuppressWarnings("unchecked")
        static List<Map<String, Object>> list(Map<String, Object> node, String key) {
            Object value = node.get(key);
            return value == null ? List.of() : (List<Map<String, Object>>) value;
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> parse(String rendered) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml().loadAll(rendered)) {
            if (document != null) {
                documents.add((Map<String, Object>) document);
            }
        }
        assertThat(documents).as("rendered manifests").isNotEmpty();
        return documents;
    }
}
