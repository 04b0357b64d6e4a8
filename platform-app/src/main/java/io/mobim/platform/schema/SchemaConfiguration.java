package io.mobim.platform.schema;

import io.mobim.platform.roles.Role;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.orm.jpa.persistenceunit.ManagedClassNameFilter;

@Configuration(proxyBeanMethods = false)
class SchemaConfiguration {

    /** One schema per active role, named after it: im, smpp, billing, clearing. */
    @Bean
    SchemaMigrations schemaMigrations(DataSource dataSource, Environment env) {
        List<String> schemas = Arrays.stream(Role.values())
                .filter(r -> env.getProperty(r.enabledProperty(), Boolean.class, false))
                .map(Role::id)
                .toList();
        return new SchemaMigrations(dataSource, schemas);
    }

    /**
     * The IM core's entities ({@code io.mobim.platform.*}) are managed only when the im role runs: their tables
     * exist only then, and Hibernate validates every entity it manages. Other modules register their entity
     * packages only when their own role is on.
     */
    @Bean
    ManagedClassNameFilter roleEntities(Environment env) {
        boolean im = env.getProperty(Role.IM.enabledProperty(), Boolean.class, false);
        return className -> im || !className.startsWith("io.mobim.platform.");
    }
}
