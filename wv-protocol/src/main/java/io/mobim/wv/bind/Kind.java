package io.mobim.wv.bind;

/** The data type of a schema field. */
public enum Kind {
    /** Character data, kept as is. */
    STR,
    /** An integer ({@code OPAQUE} in WBXML, decimal text in XML). */
    INT,
    /** {@code T}/{@code F}. */
    BOOL,
    /** A CSP date-time, {@code YYYYMMDDTHHMMSSZ}, kept as text ({@code OPAQUE} in WBXML). */
    DATE,
    /** An open-content subtree ({@link io.mobim.wv.model.WvNode}). */
    NODE,
    /** A {@code PresenceSubList} ({@link io.mobim.wv.model.presence.PresenceSubList}): typed attributes, in order. */
    PRESENCE,
    /** A nested record with its own schema. */
    REC
}
