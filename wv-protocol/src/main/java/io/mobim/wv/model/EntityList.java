package io.mobim.wv.model;

import java.util.List;

/**
 * A CSP structure, carried in several primitives.
 *
 * @param userIds {@code <UserID>}, repeated
 * @param groupIds {@code <GroupID>}, repeated
 * @param screenNames {@code <ScreenName>}, repeated
 */
public record EntityList(List<String> userIds, List<String> groupIds, List<ScreenName> screenNames) {
    public EntityList {
        userIds = Lists.copy(userIds);
        groupIds = Lists.copy(groupIds);
        screenNames = Lists.copy(screenNames);
    }
}
