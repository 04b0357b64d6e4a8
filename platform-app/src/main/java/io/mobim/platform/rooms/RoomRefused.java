package io.mobim.platform.rooms;

/** A room operation that is not allowed; the message says why in words a subscriber can be shown. */
public class RoomRefused extends RuntimeException {
    private final Reason reason;

    public RoomRefused(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public enum Reason {
        NO_SUCH_ROOM, NICKNAME_TAKEN, PRIVATE, NOT_OWNER, NOT_A_MEMBER, NAME_TAKEN, INVALID_NAME,
        /** On the room's reject list. */
        REJECTED,
        /** As many members as it takes are in it. */
        FULL,
        /** The role of the one asking does not allow it. */
        NOT_ALLOWED,
        /** A property that is not one, or not allowed for this room. */
        INVALID_PROPERTIES
    }
}
