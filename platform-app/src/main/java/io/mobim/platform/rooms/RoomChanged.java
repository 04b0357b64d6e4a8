package io.mobim.platform.rooms;

import io.mobim.events.Msisdn;
import java.util.List;

/**
 * Someone joined or left a room, or its properties changed: the channels tell the members in it ({@code others}).
 *
 * @param msisdn who joined or left, or who changed the properties (who is not told)
 * @param nickname their screen name in the room (null for PROPERTIES)
 */
public record RoomChanged(String room, Msisdn msisdn, String nickname, Change change, List<RoomMember> others) {

    public enum Change {
        JOINED, LEFT, PROPERTIES
    }
}
