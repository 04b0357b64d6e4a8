package io.mobim.platform.presence;

/** Whom an attribute list is for. */
public enum AttributeListKind {
    /** One watcher. */
    USER,
    /** The members of one of the presentity's contact lists. */
    CONTACT_LIST,
    /** Every watcher no other list covers. */
    DEFAULT
}
