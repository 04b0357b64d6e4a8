package io.mobim.platform.rooms;

/** A member's role in a subscriber's group ({@code im.room_access.role}): the owner is an ADMIN. */
public enum RoomRole {
    /** Changes properties, the member and reject lists, and roles. */
    ADMIN,
    /** Changes properties, the member and reject lists. */
    MODERATOR,
    /** May join a PRIVATE group. */
    MEMBER;

    /** Whether this role may change a group's properties and lists. */
    public boolean manages() {
        return this != MEMBER;
    }
}
