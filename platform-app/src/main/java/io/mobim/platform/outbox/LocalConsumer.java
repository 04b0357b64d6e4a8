package io.mobim.platform.outbox;

import java.util.List;

/**
 * A consumer of one topic that runs in this process and can take the outbox's records of that topic straight from the
 * relay, durably, instead of through Kafka: the relay hands it a round's records of the topic, in the order they were
 * appended, and deletes them from the outbox only after {@link #take} returned.
 */
public interface LocalConsumer {

    /** The topic whose records this consumer takes. */
    String topic();

    /**
     * Takes {@code payloads} durably (a record taken before is a duplicate, to be ignored: a round that fails after
     * this returns hands the same records again). Returns the indexes of the records it leaves to Kafka, in order:
     * all of them when it cannot take any in the process now (the topic's consumer then handles them as it would),
     * or the ones it can never take (unreadable, refused by its store), so that the topic's own consumer dead-letters
     * them with their reason. Throws if the records it keeps could not be made durable (the round is tried again).
     */
    List<Integer> take(List<byte[]> payloads);
}
