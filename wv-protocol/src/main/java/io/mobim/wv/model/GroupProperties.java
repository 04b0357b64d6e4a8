package io.mobim.wv.model;

import java.util.List;

/**
 * A CSP structure, carried in several primitives.
 *
 * @param properties {@code <Property>}, repeated
 * @param welcomeNote {@code <WelcomeNote>}, or {@code null} when absent
 */
public record GroupProperties(List<Property> properties, WelcomeNote welcomeNote) {
    public GroupProperties {
        properties = Lists.copy(properties);
    }
}
