package io.mobim.platform.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.mobim.platform.docs.SettingsReference.Setting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/settings.md} is the settings reference generated from the configuration metadata of the modules: this
 * test fails when the committed page differs from what the code says, and tells how to refresh it.
 */
class SettingsReferenceTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path PAGE = ROOT.resolve("docs/settings.md");

    private final SettingsReference reference = new SettingsReference(ROOT);

    @Test
    void theCommittedReferenceIsTheOneTheCodeGenerates() throws IOException {
        String generated = reference.markdown();
        if (Boolean.getBoolean("mobim.settings.refresh")) {
            Files.writeString(PAGE, generated);
        }
        String committed = Files.exists(PAGE) ? Files.readString(PAGE) : "";
        if (!committed.equals(generated)) {
            List<String> want = generated.lines().toList();
            List<String> have = committed.lines().toList();
            int line = 0;
            while (line < want.size() && line < have.size() && want.get(line).equals(have.get(line))) {
                line++;
            }
            fail("docs/settings.md is not what the code's configuration metadata says (first difference at line "
                    + (line + 1) + ":\n  committed: " + (line < have.size() ? have.get(line) : "(end of file)")
                    + "\n  generated: " + (line < want.size() ? want.get(line) : "(end of file)")
                    + ").\nRefresh it from the reactor root with\n  " + SettingsReference.REFRESH + "\nand commit it.");
        }
    }

    @Test
    void everyModuleWithSettingsContributesItsDefaultsAndDescriptions() {
        Map<String, Setting> settings = reference.settings().stream()
                .collect(Collectors.toMap(Setting::name, Function.identity()));

        // one from each module with @ConfigurationProperties, default and Javadoc carried by the metadata
        assertThat(settings.get("mobim.sms.short-code").defaultValue()).hasToString("20123");
        assertThat(settings.get("mobim.billing.business-zone").defaultValue()).hasToString("UTC");
        assertThat(settings.get("mobim.smpp.mt.max-parts").defaultValue()).hasToString("10");
        assertThat(settings.get("mobim.smpp.simulator.receipt-delay").defaultValue()).hasToString("50ms");
        assertThat(settings.get("mobim.http.max-request-body").defaultValue()).hasToString("1MB");
        assertThat(settings.get("mobim.subscribers.locales").defaultValue()).hasToString("en,fr");
        assertThat(settings.get("mobim.billing.reconciliation.message-log.timeout").description())
                .startsWith("connect and read timeout");
        // the elements of the SMS-C list, which the processor does not describe, from the record itself
        assertThat(settings.get("mobim.smpp.smsc[N].port").defaultValue()).hasToString("2775");
        assertThat(settings.get("mobim.smpp.smsc[N].host").description()).isEqualTo("SMS-C address");
        // the roles, which are no @ConfigurationProperties class, from the additional metadata
        assertThat(settings).containsKey("mobim.roles");

        // a default is written once, in the class: no description repeats it
        assertThat(settings.values()).allSatisfy(setting -> assertThat(setting.description())
                .as(setting.name()).doesNotContainPattern("(?i)\\(default [^:;)]*\\)|\\bDefault [0-9{]"));
    }
}
