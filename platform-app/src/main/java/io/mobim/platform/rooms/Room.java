package io.mobim.platform.rooms;

import io.mobim.events.Msisdn;

/** A chat room or private group. {@code owner} is null for the operator's public rooms. */
public record Room(String name, String title, RoomKind kind, Msisdn owner) {
}
