package io.mobim.platform.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.bind.DefaultValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders {@code docs/settings.md} from the configuration metadata that Spring Boot's configuration processor writes
 * for every module ({@code META-INF/spring-configuration-metadata.json}: names, types, defaults, and the Javadoc of
 * the properties as descriptions), so the reference says what the code says. Only {@code mobim.*} settings.
 *
 * <p>The processor does not describe the elements of a list of records ({@code mobim.smpp.smsc[N].*}): their rows are
 * made from the record itself, the defaults from its {@link DefaultValue} annotations and the descriptions from the
 * {@code @param} tags of its Javadoc in the module's source.
 */
public final class SettingsReference {

    static final String METADATA = "META-INF/spring-configuration-metadata.json";
    static final String REFRESH = "./mvnw -B -ntp -pl platform-app -am test -Dtest=SettingsReferenceTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dmobim.settings.refresh=true";

    private static final Pattern JAVADOC_TAG = Pattern.compile("\\{@(?:code|link|linkplain|literal) ([^}]*)}");

    private final Path sourceRoot;

    /** @param sourceRoot the reactor's root directory, where the sources of list elements are looked up */
    public SettingsReference(Path sourceRoot) {
        this.sourceRoot = sourceRoot;
    }

    public record Setting(String name, String type, Object defaultValue, String description, String sourceType) {
    }

    /** Every {@code mobim.*} setting on the classpath, by name. */
    public List<Setting> settings() {
        Map<String, Setting> byName = new TreeMap<>();
        JsonMapper json = JsonMapper.builder().build();
        try {
            for (URL url : Collections.list(getClass().getClassLoader().getResources(METADATA))) {
                try (InputStream in = url.openStream()) {
                    for (JsonNode property : json.readTree(in).path("properties")) {
                        String name = property.path("name").asString();
                        if (!name.startsWith("mobim.")) {
                            continue;
                        }
                        Setting setting = new Setting(name, property.path("type").asString(""),
                                defaultValue(property.get("defaultValue")), property.path("description").asString(""),
                                property.path("sourceType").asString(""));
                        byName.put(name, setting);
                        elementsOf(setting).forEach(element -> byName.put(element.name(), element));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(byName.values());
    }

    private static Object defaultValue(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isArray()) {
            List<String> values = new ArrayList<>();
            node.forEach(value -> values.add(value.asString()));
            return String.join(",", values);
        }
        String value = node.asString();
        // the processor writes a list's default as Java prints it, [en, fr]; the setting takes en,fr
        return value.startsWith("[") && value.endsWith("]") ? value.substring(1, value.length() - 1).replace(", ", ",") : value;
    }

    /** The rows of {@code name[N].*} for a list of one of mobim's records; none for anything else. */
    private List<Setting> elementsOf(Setting list) {
        Matcher generic = Pattern.compile("java\\.util\\.List<(io\\.mobim\\.[\\w.$]+)>").matcher(list.type());
        if (!generic.matches()) {
            return List.of();
        }
        Class<?> element = load(generic.group(1));
        if (!element.isRecord()) {
            return List.of();
        }
        Map<String, String> params = javadocParams(element);
        List<Setting> rows = new ArrayList<>();
        RecordComponent[] components = element.getRecordComponents();
        Parameter[] parameters = canonicalConstructor(element, components).getParameters();
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            // @DefaultValue sits on the canonical constructor's parameters
            DefaultValue given = parameters[i].getAnnotation(DefaultValue.class);
            rows.add(new Setting(list.name() + "[N]." + kebab(component.getName()), component.getType().getName(),
                    given == null ? null : String.join(",", given.value()), params.getOrDefault(component.getName(), ""),
                    element.getName()));
        }
        return rows;
    }

    private static Constructor<?> canonicalConstructor(Class<?> record, RecordComponent[] components) {
        try {
            return record.getDeclaredConstructor(Stream.of(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(record + " has no canonical constructor", e);
        }
    }

    private static Class<?> load(String binaryName) {
        try {
            return Class.forName(binaryName, false, SettingsReference.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the metadata names " + binaryName + ", which is not on the classpath", e);
        }
    }

    /** The {@code @param} tags of the Javadoc right before the record's declaration, from its module's source. */
    private Map<String, String> javadocParams(Class<?> record) {
        Class<?> outer = record;
        while (outer.getEnclosingClass() != null) {
            outer = outer.getEnclosingClass();
        }
        String relative = "src/main/java/" + outer.getName().replace('.', '/') + ".java";
        String source;
        try (Stream<Path> modules = Files.list(sourceRoot)) {
            Path file = modules.map(module -> module.resolve(relative)).filter(Files::isRegularFile).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no module of " + sourceRoot + " holds " + relative));
            source = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int declaration = source.indexOf("record " + record.getSimpleName() + "(");
        int javadoc = source.lastIndexOf("/**", declaration);
        if (declaration < 0 || javadoc < 0) {
            return Map.of();
        }
        String comment = source.substring(javadoc + 3, source.indexOf("*/", javadoc)).lines()
                .map(line -> line.strip().replaceFirst("^\\* ?", "")).collect(Collectors.joining("\n"));
        Map<String, String> params = new LinkedHashMap<>();
        for (String tag : comment.split("\n(?=@)")) {
            Matcher param = Pattern.compile("@param\\s+(\\w+)\\s+(.*)", Pattern.DOTALL).matcher(tag.strip());
            if (param.matches()) {
                params.put(param.group(1), param.group(2).replaceAll("\\s+", " ").strip());
            }
        }
        return params;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** The page: one table per top-level group ({@code mobim.<group>.*}). */
    String markdown() {
        Map<String, List<Setting>> groups = new TreeMap<>();
        for (Setting setting : settings()) {
            String[] parts = setting.name().split("\\.");
            groups.computeIfAbsent(parts.length > 2 ? parts[0] + "." + parts[1] : setting.name(), group -> new ArrayList<>())
                    .add(setting);
        }
        StringBuilder page = new StringBuilder("""
                # Settings reference

                <!-- Generated by SettingsReferenceTest (platform-app) from the modules' configuration metadata: do not edit. -->

                Every setting of mobim, generated from the code: Spring Boot's configuration processor writes the name, type,
                default and description (the Javadoc) of each `@ConfigurationProperties` class into the module's
                `META-INF/spring-configuration-metadata.json`, and `SettingsReferenceTest` renders them here. The test fails
                when this page and the code disagree; change the class (its default or its Javadoc), then refresh the page with

                ```sh
                %s
                ```

                A setting is a Spring property: `--mobim.sms.short-code=20123` on the command line, the environment variable
                `MOBIM_SMS_SHORT_CODE=20123`, or a line in an `application.properties` next to the jar. Durations take a unit
                (`500ms`, `30s`, `10m`, `1h`, `3d`), sizes too (`1MB`). A blank default means unset; the description says what
                unset means. Spring Boot's own settings (`server.*`, `spring.datasource.*`, `spring.kafka.*`) work as usual;
                the values mobim gives them are in `platform-app/src/main/resources/application.properties`, and
                [operations.md](operations.md) tells which to set for a deployment.
                """.formatted(REFRESH));
        groups.forEach((group, settings) -> {
            page.append("\n## `").append(group).append("`\n\n");
            page.append("| setting | type | default | what it does |\n|---|---|---|---|\n");
            for (Setting setting : settings) {
                page.append("| `").append(setting.name()).append("` | ").append(type(setting.type())).append(" | ")
                        .append(setting.defaultValue() == null || setting.defaultValue().toString().isEmpty() ? ""
                                : "`" + setting.defaultValue() + "`")
                        .append(" | ").append(text(setting.description())).append(" |\n");
            }
        });
        return page.toString();
    }

    /** {@code java.util.List<java.lang.String>} as {@code List<String>}; an enum by its simple name and its values. */
    private static String type(String type) {
        String simple = type.replaceAll("(?:[a-z][\\w]*\\.)+([A-Z])", "$1").replace('$', '.');
        if (simple.isEmpty()) {
            return "";
        }
        String values = "";
        if (type.startsWith("io.mobim.") && !type.contains("<") && load(type).isEnum()) {
            values = ": " + Stream.of(load(type).getEnumConstants()).map(value -> "`" + value + "`")
                    .collect(Collectors.joining(", "));
        }
        return "`" + simple + "`" + values;
    }

    /** Javadoc as Markdown on one table row: inline tags as code, the first letter capitalised. */
    private static String text(String javadoc) {
        String text = JAVADOC_TAG.matcher(javadoc.replaceAll("\\s+", " ").strip())
                .replaceAll(tag -> Matcher.quoteReplacement("`" + tag.group(1).strip() + "`")).replace("|", "\\|");
        String firstWord = text.split(" ", 2)[0];
        // jSMPP and submit_sm stay as they are written
        boolean asWritten = text.length() < 2 || Character.isUpperCase(text.charAt(1)) || firstWord.contains("_");
        return asWritten ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
