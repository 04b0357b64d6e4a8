package io.mobim.platform.roles;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Expands {@code mobim.roles} (a comma-separated list, default: every role) into one boolean per role,
 * {@code mobim.role.<name>.enabled}, so that each module's auto-configuration is gated by a plain
 * {@code @ConditionalOnBooleanProperty} and no module needs to know the others. An unknown role stops the start.
 */
public final class RolesEnvironmentPostProcessor implements EnvironmentPostProcessor {

    public static final String ROLES_PROPERTY = "mobim.roles";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Set<Role> roles = activeRoles(environment.getProperty(ROLES_PROPERTY));
        Map<String, Object> flags = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            flags.put(role.enabledProperty(), roles.contains(role));
        }
        environment.getPropertySources().addLast(new MapPropertySource("mobimRoles", flags));
    }

    /** The roles named by a {@code mobim.roles} value; blank or absent means all of them. */
    public static Set<Role> activeRoles(String value) {
        if (!StringUtils.hasText(value)) {
            return EnumSet.allOf(Role.class);
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String part : StringUtils.commaDelimitedListToStringArray(value)) {
            if (StringUtils.hasText(part)) {
                roles.add(Role.parse(part));
            }
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("mobim.roles names no role");
        }
        return roles;
    }
}
