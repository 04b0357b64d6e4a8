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

    private static EmbeddedPostgres pg;
    private static JdbcTemplate jdbc;

    private TestPostgres() {
    }

    public static synchronized JdbcTemplate jdbc() {
        if (jdbc == null) {
            try {
                pg = EmbeddedPostgres.builder().start();
                jdbc = migrated(pg.getPostgresDatabase());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return jdbc;
    }

    /**
     * A new database of the same server with the migrations applied, for a test that measures what happens to the
     * ledger's rows: the statistics of its tables count only its own statements, and the other tests' sessions (in
     * the shared database) do not hold back the removal of its old row versions, which PostgreSQL decides from the
     * sessions of the table's own database. Gone with {@link #drop}.
     */
    public static synchronized JdbcTemplate newDatabase(String name) {
        jdbc().execute("create database " + name);
        return migrated(pg.getDatabase("postgres", name));
    }

    public static void drop(String name) {
        jdbc().execute("drop database if exists " + name + " with (force)");
    }

    private static JdbcTemplate migrated(DataSource ds) {
        try (Connection c = ds.getConnection()) {
            for (Resource migration : migrations()) {
                ScriptUtils.executeSqlScript(c, migration);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new JdbcTemplate(ds);
    }

    /** Every migration of the module, in version order, as Flyway applies them in the product. */
    private static List<Resource> migrations() throws IOException {
        Resource[] all = new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/smpp/V*__*.sql");
        return Arrays.stream(all)
                .sorted(Comparator.comparingInt(r -> Integer.parseInt(r.getFilename().substring(1, r.getFilename().indexOf("__")))))
                .toList();
    }
}
