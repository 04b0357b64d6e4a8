package io.mobim.platform.schema;

import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Spring Boot that {@link SchemaMigrations} initialises the database, so that JPA, JDBC templates and
 * everything else that depends on database initialisation waits for the migrations.
 */
public final class SchemaMigrationsDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(SchemaMigrations.class);
    }
}
