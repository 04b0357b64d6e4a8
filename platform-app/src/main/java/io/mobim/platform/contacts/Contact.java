package io.mobim.platform.contacts;

import io.mobim.events.Msisdn;

/**
 * An entry of a subscriber's buddy list.
 *
 * @param position the entry's stable number, the "1" in "1 Hello there"; kept when other entries go
 */
public record Contact(Msisdn owner, int position, Msisdn msisdn, String nickname) {
}
