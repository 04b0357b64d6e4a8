package io.mobim.platform.messaging;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.util.UUID;

/**
 * Ids of messages and deliveries: time-ordered UUIDs (version 7, RFC 9562), so a new message's key lands at the
 * right end of the primary-key and message-id indexes instead of on a random page of each. With random (version 4)
 * ids every stored message touched three random index leaves (message key, delivery key, delivery's message id);
 * as those indexes outgrow memory each of them becomes a page read. Client session ids stay random: they are
 * bearer secrets, these are not.
 */
final class MessageIds {

    private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    private MessageIds() {
    }

    static UUID next() {
        return GENERATOR.generate();
    }
}
