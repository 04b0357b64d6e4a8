package io.mobim.events;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.util.UUID;

/**
 * Time-ordered UUIDs (version 7, RFC 9562) for what is stored by id as it happens (messages, deliveries, MOs): a new
 * key lands at the right end of its indexes instead of on a random page of each, which with random (version 4) ids
 * becomes a page read per key as an index outgrows memory. Their text form sorts in time order too. Not for secrets
 * (session ids stay random): they are not.
 */
public final class TimeOrderedIds {

    private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    private TimeOrderedIds() {
    }

    public static UUID next() {
        return GENERATOR.generate();
    }
}
