package io.mobim.platform.rooms;

import java.util.List;

/**
 * Someone joined or left a room: the channels tell the other members ({@code others}) the group change.
 *
 * @param change JOINED or LEFT
 */
public record RoomChanged(String room, String nickname, Change change, List<RoomMember> others) {

    public enum Change {
        JOINED, LEFT
    }
}
