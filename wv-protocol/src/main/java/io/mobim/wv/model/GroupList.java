package io.mobim.wv.model;

import java.util.List;

/**
 * A CSP structure, carried in several primitives.
 *
 * @param groupIds {@code <GroupID>}, repeated
 */
public record GroupList(List<String> groupIds) {
    public GroupList {
        groupIds = Lists.copy(groupIds);
    }
}
