package io.mobim.platform.rooms;

/**
 * A room's properties beyond its name and kind; null fields of a change keep the current value.
 *
 * @param maxJoined the most members in the room at once, or null for no limit
 * @param searchable whether searches find it
 */
public record GroupProps(String title, String topic, RoomKind kind, String welcomeNote, Integer maxJoined, Boolean searchable) {
}
