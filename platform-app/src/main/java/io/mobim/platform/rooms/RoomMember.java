package io.mobim.platform.rooms;

import io.mobim.events.Msisdn;

/** A member of a room, known to the others only by nickname: operator chat rooms were anonymous. */
public record RoomMember(String room, Msisdn msisdn, String nickname) {
}
