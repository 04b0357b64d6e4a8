package io.mobim.platform.allinone;

import io.mobim.platform.roles.Role;
import io.mobim.platform.roles.RolesEnvironmentPostProcessor;
import io.mobim.platform.security.ApiUsers;
import io.mobim.smpp.simulator.SmscSimulator;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/** Ends the startup log with one short block saying what runs and where, so nobody has to dig for ports. */
class StartupReport implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final ObjectProvider<SmscSimulator> simulator;
    private final ObjectProvider<ApiUsers> apiUsers;

    StartupReport(ObjectProvider<SmscSimulator> simulator, ObjectProvider<ApiUsers> apiUsers) {
        this.simulator = simulator;
        this.apiUsers = apiUsers;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        Environment env = event.getApplicationContext().getEnvironment();
        String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        long uptimeMs = event.getTimeTaken() != null ? event.getTimeTaken().toMillis() : -1;
        List<String> lines = new ArrayList<>();
        lines.add("mobim is up in " + uptimeMs + " ms, roles: " + RolesEnvironmentPostProcessor.activeRoles(env.getProperty(RolesEnvironmentPostProcessor.ROLES_PROPERTY))
                .stream().map(Role::id).collect(Collectors.joining(",")));
        String address = env.getProperty("server.address");
        lines.add("  HTTP        http://" + (address == null ? "0.0.0.0" : address) + ":" + port
                + (address == null ? "  (every interface)" : "") + "  (health /actuator/health, metrics /actuator/prometheus, API docs /v3/api-docs)");
        apiUsers.ifAvailable(users -> users.generatedPasswordFile().ifPresent(file -> lines.add("  Admin       user '"
                + users.adminUser() + "', generated password in " + file + " (owner-only; set MOBIM_ADMIN_PASSWORD to choose one)")));
        lines.add("  PostgreSQL  " + withoutCredentials(env.getProperty("spring.datasource.url", "(none)"))
                + (env.containsProperty("mobim.embedded.postgres.running") ? "  (embedded)" : "  (external)"));
        lines.add("  Kafka       " + env.getProperty("spring.kafka.bootstrap-servers", "(none)")
                + (env.containsProperty("mobim.embedded.kafka.running") ? "  (embedded)" : "  (external)"));
        simulator.ifAvailable(sim -> lines.add("  SMS-C       smpp://" + sim.host() + ":" + sim.port()
                + "  (simulator, a test tool; handset API /api/v1/simulator/mo and /api/v1/simulator/mt, as the admin)"));
        if (env.containsProperty("mobim.embedded.data-root")) {
            lines.add("  Data        " + env.getProperty("mobim.embedded.data-root"));
        }
        log.info("\n{}", String.join("\n", lines));
    }

    private static String withoutCredentials(String jdbcUrl) {
        int q = jdbcUrl.indexOf('?');
        return q < 0 ? jdbcUrl : jdbcUrl.substring(0, q);
    }
}
