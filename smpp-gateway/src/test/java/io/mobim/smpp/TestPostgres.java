package io.mobim.smpp;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/** One embedded PostgreSQL per test JVM with the module's migrations applied (stopped by zonky's shutdown hook). */
public final class TestPostgres {

    private static JdbcTemplate jdbc;

    private TestPostgres() {
    }

    public static synchronized JdbcTemplate jdbc() {
        if (jdbc == null) {
            try {
                EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
                DataSource ds = pg.getPostgresDatabase();
                try (Connection c = ds.getConnection()) {
                    ScriptUtils.executeSqlScript(c, new ClassPathResource("db/migration/smpp/V1__mt_ledger.sql"));
                    ScriptUtils.executeSqlScript(c, new ClassPathResource("db/migration/smpp/V2__mo_part.sql"));
                    ScriptUtils.executeSqlScript(c, new ClassPathResource("db/migration/smpp/V3__mt_ledger_hot.sql"));
                    ScriptUtils.executeSqlScript(c, new ClassPathResource("db/migration/smpp/V4__mt_part_fillfactor.sql"));
                    ScriptUtils.executeSqlScript(c, new ClassPathResource("db/migration/smpp/V5__mt_request_partition.sql"));
                }
                jdbc = new JdbcTemplate(ds);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return jdbc;
    }
}
