package io.mobim.wv.model;

import java.util.List;

/**
 * A CSP structure, carried in several primitives.
 *
 * @param states {@code <ReactiveAuthState>}, repeated
 */
public record ReactiveAuthStatusList(List<ReactiveAuthState> states) {
    public ReactiveAuthStatusList {
        states = Lists.copy(states);
    }
}
