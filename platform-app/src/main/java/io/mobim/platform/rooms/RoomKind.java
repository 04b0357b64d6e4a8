package io.mobim.platform.rooms;

/** PUBLIC rooms are themed chats anyone joins under a nickname; PRIVATE groups belong to a subscriber who adds members. */
public enum RoomKind {
    PUBLIC, PRIVATE
}
