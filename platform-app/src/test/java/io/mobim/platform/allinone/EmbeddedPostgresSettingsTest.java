package io.mobim.platform.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mobim.embedded.EmbeddedPostgresServer;
import io.mobim.embedded.FreePorts;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An operator's PostgreSQL settings reach the embedded server (mobim.embedded.postgres-settings). */
class EmbeddedPostgresSettingsTest {

    @TempDir
    Path root;

    @Test
    void theServerRunsWithTheSettingsGiven() throws Exception {
        Path dir = root.resolve("postgres");
        int port = FreePorts.pick();
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir, port, true,
                Map.of("work_mem", "7MB", "pg_stat_statements.track", "all"));
             Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "")) {
            assertThat(show(c, "work_mem")).isEqualTo("7MB");
            assertThat(show(c, "pg_stat_statements.track")).isEqualTo("all");
            assertThat(show(c, "fsync")).isEqualTo("off"); // the ephemeral defaults stay
        }
        assertThat(dir).doesNotExist();
    }

    @Test
    void aNameThatIsNotASettingIsRefusedBeforeAnythingStarts() throws Exception {
        Path dir = root.resolve("postgres");
        assertThatThrownBy(() -> EmbeddedPostgresServer.start(dir, FreePorts.pick(), true, Map.of("work_mem -c fsync", "off")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a PostgreSQL setting name");
        assertThat(dir).doesNotExist();
    }

    private static String show(Connection c, String name) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery("show " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
