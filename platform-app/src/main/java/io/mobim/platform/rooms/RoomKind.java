package io.mobim.platform.rooms;

/**
 * PUBLIC rooms are the operator's themed chats anyone joins under a nickname (members stay anonymous); subscribers own
 * groups, OPEN ones (anyone not on the reject list joins) and PRIVATE ones (restricted: only those on the member list).
 */
public enum RoomKind {
    PUBLIC, PRIVATE, OPEN
}
