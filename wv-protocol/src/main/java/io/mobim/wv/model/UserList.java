package io.mobim.wv.model;

import java.util.List;

/**
 * A CSP structure, carried in several primitives.
 *
 * @param users {@code <User>}, repeated
 * @param screenNames {@code <ScreenName>}, repeated
 */
public record UserList(List<User> users, List<ScreenName> screenNames) {
    public UserList {
        users = Lists.copy(users);
        screenNames = Lists.copy(screenNames);
    }
}
