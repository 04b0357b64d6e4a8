package io.mobim.smpp;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
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
                    for (Resource migration : migrations()) {
                        ScriptUtils.executeSqlScript(c, migration);
                    }
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

    /** Every migration of the module, in version order, as Flyway applies them in the product. */
    private static List<Resource> migrations() throws IOException {
        Resource[] all = new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/smpp/V*__*.sql");
        return Arrays.stream(all)
                .sorted(Comparator.comparingInt(r -> Integer.parseInt(r.getFilename().substring(1, r.getFilename().indexOf("__")))))
                .toList();
    }
}
