package io.mobim.wv.model;

import java.util.List;

/**
 * A CSP structure, carried in several primitives.
 *
 * @param properties {@code <Property>}, repeated
 */
public record PropertyList(List<Property> properties) {
    public PropertyList {
        properties = Lists.copy(properties);
    }
}
