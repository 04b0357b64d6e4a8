package io.mobim.platform.console;

import io.mobim.platform.security.ApiRoles;
import java.util.Set;

/**
 * The pages of the console, each with the roles that may read it: the same owners as the APIs they show (the SMS-C
 * simulator, subscribers and metrics are the operator admin's; billing is also the billing team's, clearing the
 * clearing team's).
 */
public enum ConsoleSection {
    HANDSETS("Virtual handsets", "/console/handsets", ApiRoles.OPERATOR_ADMIN, ApiRoles.OPERATOR_ADMIN),
    SUBSCRIBERS("Subscribers", "/console/subscribers", ApiRoles.OPERATOR_ADMIN, ApiRoles.OPERATOR_ADMIN),
    BILLING("Billing", "/console/billing", ApiRoles.BILLING, ApiRoles.BILLING, ApiRoles.OPERATOR_ADMIN),
    TRAFFIC("Traffic", "/console/traffic", ApiRoles.OPERATOR_ADMIN, ApiRoles.OPERATOR_ADMIN),
    CLEARING("Clearing", "/console/clearing", ApiRoles.CLEARING, ApiRoles.CLEARING, ApiRoles.OPERATOR_ADMIN);

    private final String title;
    private final String path;
    private final String writer;
    private final Set<String> readers;

    ConsoleSection(String title, String path, String writer, String... readers) {
        this.title = title;
        this.path = path;
        this.writer = writer;
        this.readers = Set.of(readers);
    }

    /** The role that may change what the section shows (its POST forms), as for the API it fronts. */
    public String writer() {
        return writer;
    }

    public String title() {
        return title;
    }

    public String path() {
        return path;
    }

    /** The roles that may read the section (without the {@code ROLE_} prefix). */
    public Set<String> readers() {
        return readers;
    }

    /** The request patterns of the section's pages. */
    String[] patterns() {
        return new String[] {path, path + "/**"};
    }

    /** The roles as an array, for the security rules. */
    String[] readerArray() {
        return readers.toArray(String[]::new);
    }
}
