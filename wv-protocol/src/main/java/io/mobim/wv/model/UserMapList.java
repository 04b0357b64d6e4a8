package io.mobim.wv.model;

import java.util.List;

/**
 * A CSP structure, carried in several primitives.
 *
 * @param mappings {@code <UserMapping>}, repeated
 */
public record UserMapList(List<UserMapping> mappings) {
    public UserMapList {
        mappings = Lists.copy(mappings);
    }
}
