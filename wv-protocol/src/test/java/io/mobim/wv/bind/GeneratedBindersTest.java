package io.mobim.wv.bind;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The committed per-record binders are what {@link BinderGenerator} makes of the current
 * {@link Schemas} and records. With {@code -Dwv.binders.write=true} it rewrites them instead.
 */
class GeneratedBindersTest {

    private static final Path DIR = Path.of("src/main/java/io/mobim/wv");

    @Test
    void committedBindersAreUpToDate() throws IOException {
        boolean write = Boolean.getBoolean("wv.binders.write");
        for (Map.Entry<String, String> e : BinderGenerator.generate().entrySet()) {
            Path file = DIR.resolve(e.getKey());
            if (write) {
                Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
            }
            assertThat(Files.readString(file, StandardCharsets.UTF_8))
                    .as("%s is out of date: regenerate it (see BinderGenerator)", file)
                    .isEqualTo(e.getValue());
        }
    }
}
