package io.mobim.platform.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Migrates one PostgreSQL schema per active module, each with its own Flyway history, so that modules
 * deployed as separate roles evolve their tables independently and never share a version sequence.
 * A module ships its migrations under {@code classpath:db/migration/<schema>/}.
 */
public class SchemaMigrations implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(SchemaMigrations.class);

    private final DataSource dataSource;
    private final List<String> schemas;
    private final List<String> migrated = new ArrayList<>();

    public SchemaMigrations(DataSource dataSource, List<String> schemas) {
        this.dataSource = dataSource;
        this.schemas = List.copyOf(schemas);
    }

    @Override
    public void afterPropertiesSet() {
        for (String schema : schemas) {
            String location = "db/migration/" + schema;
            if (!hasMigrations(location)) {
                continue;
            }
            MigrateResult result = Flyway.configure(getClass().getClassLoader())
                    .dataSource(dataSource)
                    .schemas(schema)
                    .defaultSchema(schema)
                    .createSchemas(true)
                    .locations("classpath:" + location)
                    .load()
                    .migrate();
            migrated.add(schema);
            log.info("Schema {}: {} migration(s) applied, now at version {}", schema, result.migrationsExecuted,
                    result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion);
        }
    }

    /** The schemas that have migrations and were brought up to date. */
    public List<String> migratedSchemas() {
        return List.copyOf(migrated);
    }

    private static boolean hasMigrations(String location) {
        try {
            return new PathMatchingResourcePatternResolver().getResources("classpath*:" + location + "/*.sql").length > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
