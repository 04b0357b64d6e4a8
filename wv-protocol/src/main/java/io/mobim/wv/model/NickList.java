package io.mobim.wv.model;

import java.util.List;

/**
 * A CSP structure, carried in several primitives.
 *
 * @param nickNames {@code <NickName>}, repeated
 */
public record NickList(List<NickName> nickNames) {
    public NickList {
        nickNames = Lists.copy(nickNames);
    }
}
