package io.mobim.platform.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.springframework.context.SmartLifecycle;

/**
 * Messaging for callers without a transaction of their own (a client's requests, a load driver): sends, fetches
 * and acknowledgements that arrive together are committed together, one transaction for the lot instead of one
 * each, which is what a commit costs most (a WAL flush per transaction on a durable database). Sends are decided
 * as a set by {@link Messaging#sendAll} (one read, one insert for all of them); fetches and acknowledgements run
 * their usual statements one after the other in the shared transaction. Each request is answered as if it had run
 * alone; a batch that fails as a whole is run again one request per transaction (see {@link GroupCommitter}).
 * Callers inside a transaction use {@link Messaging} directly, which joins it.
 */
public final class GroupCommit implements SmartLifecycle {

    private final GroupCommitter<SendRequest, SendResult> sends;
    private final GroupCommitter<Fetch, List<ClientDelivery>> fetches;
    private final GroupCommitter<Acknowledgement, List<UUID>> acknowledgements;
    private final Duration stopTimeout;

    /** {@code messaging} must be the transactional bean: its batch methods open each batch's transaction. */
    GroupCommit(Messaging messaging, MessagingSettings.GroupCommit settings, Duration stopTimeout, MeterRegistry meters) {
        this.stopTimeout = stopTimeout;
        this.sends = new GroupCommitter<>("send",
                batch -> messaging.sendAll(batch).stream()
                        .map(o -> o.refusal() != null ? GroupCommitter.Answer.<SendResult>failed(o.refusal()) : GroupCommitter.Answer.of(o.result()))
                        .toList(),
                q -> messaging.send(q.sender(), q.target(), q.body(), q.origin(), q.clientMessageId(), q.deliveryReport()),
                settings, meters);
        this.fetches = new GroupCommitter<>("fetch",
                batch -> messaging.fetchAll(batch).stream().map(GroupCommitter.Answer::of).toList(),
                f -> messaging.fetch(f.session(), f.max()), settings, meters);
        this.acknowledgements = new GroupCommitter<>("acknowledge",
                batch -> messaging.acknowledgeAll(batch).stream().map(GroupCommitter.Answer::of).toList(),
                a -> messaging.acknowledge(a.session(), a.messageIds()), settings, meters);
    }

    /**
     * Sends one message with whichever others are being sent at the same moment, and waits for the commit.
     *
     * @throws MessageRefused if nothing was accepted (nothing is then stored or charged)
     */
    public SendResult send(SendRequest request) {
        return sends.call(request);
    }

    /** Queues one message; the future completes once it is committed, or with the {@link MessageRefused} refusal. */
    public CompletableFuture<SendResult> submit(SendRequest request) {
        return sends.submit(request);
    }

    /** {@link Messaging#fetch}, committed with the fetches of other sessions made at the same moment. */
    public List<ClientDelivery> fetch(UUID sessionId, int max) {
        return fetches.call(new Fetch(sessionId, max));
    }

    /** {@link Messaging#acknowledge(UUID, Collection)}, committed with the acknowledgements made at the same moment. */
    public List<UUID> acknowledge(UUID sessionId, Collection<UUID> messageIds) {
        return acknowledgements.call(new Acknowledgement(sessionId, List.copyOf(messageIds)));
    }

    @Override
    public void start() {
        sends.start();
        fetches.start();
        acknowledgements.start();
    }

    /** Takes no new requests, commits the queued ones, then ends the committers. */
    @Override
    public void stop() {
        sends.stop(stopTimeout);
        fetches.stop(stopTimeout);
        acknowledgements.stop(stopTimeout);
    }

    @Override
    public boolean isRunning() {
        return sends.isRunning();
    }

    /** A session's request for up to {@code max} of its messages. */
    public record Fetch(UUID session, int max) {
    }

    /** A session's confirmation of the messages it has. */
    public record Acknowledgement(UUID session, List<UUID> messageIds) {
    }
}
