package io.mobim.platform.roles;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What one mobim process does. The same image runs all roles (the all-in-one default) or a subset, one
 * Kubernetes Deployment per role. Each role's module owns the PostgreSQL schema named after the role.
 */
public enum Role {
    /** IM core, SMS command language, Wireless Village endpoint, charging outbox. */
    IM,
    /** SMPP gateway towards the operator's SMS-Cs (and the SMS-C simulator in development). */
    SMPP,
    /** Rating of charging events, rated records, reconciliation. */
    BILLING,
    /** Inter-operator settlement. */
    CLEARING;

    /** The name used in {@code mobim.roles} and in {@code mobim.role.<name>.enabled}; also the schema name. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The property a module's auto-configuration is gated on. */
    public String enabledProperty() {
        return "mobim.role." + id() + ".enabled";
    }

    static Role parse(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.id().equals(v)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown role '" + value.trim() + "' in mobim.roles; known roles: "
                        + Arrays.stream(values()).map(Role::id).collect(Collectors.joining(", "))));
    }
}
