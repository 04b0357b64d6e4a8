package io.mobim.platform.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.mobim.platform.presence.PresenceChange;
import io.mobim.platform.presence.PresenceService;
import io.mobim.platform.presence.PresenceUpdates;
import io.mobim.platform.subscribers.SubscriberNotFound;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.springframework.context.SmartLifecycle;

/**
 * Messaging for callers without a transaction of their own (a client's requests, a load driver): sends that arrive
 * together are committed together, one transaction for the lot instead of one each, which is what a commit costs
 * most (a WAL flush per transaction on a durable database); so are the clients' fetches and acknowledgements. Sends
 * are decided as a set by {@link MessageSender#sendAll} (one read, one insert for all of them); the clients' requests
 * by {@link ClientDeliveries#serveAll} (one statement confirming all acknowledgements, one claiming for all fetches);
 * the clients' presence changes by {@link PresenceUpdates#changeAll} (one statement for all of them).
 * Each request is answered as if it had run alone; a batch that fails as a whole is run again one request per
 * transaction (see {@link GroupCommitter}).
 * Callers inside a transaction use {@link MessageSender} and {@link ClientDeliveries} directly, which join it.
 */
public final class GroupCommit implements SmartLifecycle {

    private final GroupCommitter<SendRequest, SendResult> sends;
    private final GroupCommitter<ClientRequest, Object> clientRequests;
    private final GroupCommitter<PresenceChange, Boolean> presenceChanges;
    private final Duration stopTimeout;

    /**
     * {@code sender}, {@code clientDeliveries} and {@code presenceUpdates} must be the transactional beans: their methods
     * open each batch's (or lone request's) transaction.
     */
    GroupCommit(MessageSender sender, ClientDeliveries clientDeliveries, PresenceUpdates presenceUpdates,
                MessagingSettings.GroupCommit settings, Duration stopTimeout, MeterRegistry meters) {
        this.stopTimeout = stopTimeout;
        this.sends = new GroupCommitter<>("send",
                batch -> sender.sendAll(batch).stream()
                        .map(o -> o.refusal() != null ? GroupCommitter.Answer.<SendResult>failed(o.refusal()) : GroupCommitter.Answer.of(o.result()))
                        .toList(),
                q -> sender.send(q.sender(), q.target(), q.body(), q.origin(), q.clientMessageId(), q.deliveryReport()),
                settings, meters);
        // fetches and acknowledgements share transactions: one commit, one session check and one statement of each
        // kind for all the clients' requests of the moment, and half as many transactions competing for the cores
        this.clientRequests = new GroupCommitter<>("client",
                batch -> clientDeliveries.serveAll(batch).stream().map(GroupCommitter.Answer::of).toList(),
                q -> switch (q) {
                    case Fetch f -> clientDeliveries.handOut(f.session(), f.max());
                    case Acknowledgement a -> clientDeliveries.acknowledge(a.session(), a.messageIds());
                }, settings, meters);
        this.presenceChanges = new GroupCommitter<>("presence",
                batch -> {
                    List<Boolean> written = presenceUpdates.changeAll(batch);
                    List<GroupCommitter.Answer<Boolean>> answers = new ArrayList<>(batch.size());
                    for (int i = 0; i < batch.size(); i++) {
                        answers.add(written.get(i) ? GroupCommitter.Answer.of(true)
                                : GroupCommitter.Answer.failed(new SubscriberNotFound(batch.get(i).who())));
                    }
                    return answers;
                },
                q -> {
                    if (!presenceUpdates.changeAll(List.of(q)).getFirst()) {
                        throw new SubscriberNotFound(q.who());
                    }
                    return true;
                }, settings, meters);
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

    /** {@link ClientDeliveries#fetch}, committed with the clients' fetches and acknowledgements made at the same moment. */
    public List<ClientDelivery> fetch(UUID sessionId, int max) {
        return handOut(sessionId, max).deliveries();
    }

    /** {@link ClientDeliveries#handOut}, committed with the clients' fetches and acknowledgements made at the same moment. */
    public HandedOut handOut(UUID sessionId, int max) {
        return (HandedOut) clientRequests.call(new Fetch(sessionId, max)); // a fetch's answer (ClientDeliveries#serveAll)
    }

    /** {@link ClientDeliveries#acknowledge(UUID, Collection)}, committed with the clients' requests made at the same moment. */
    @SuppressWarnings("unchecked") // an acknowledgement's answer is the list of the ids it confirmed (ClientDeliveries#serveAll)
    public List<UUID> acknowledge(UUID sessionId, Collection<UUID> messageIds) {
        return (List<UUID>) clientRequests.call(new Acknowledgement(sessionId, List.copyOf(messageIds)));
    }

    /**
     * {@link PresenceService#change}, committed with the presence changes made at the same moment; returns once
     * committed, from when on the subscriber's watchers' polls return it. Changes of one subscriber take effect in the
     * order they were made.
     *
     * @throws SubscriberNotFound if the subscriber is not active (that change alone fails)
     */
    public void changePresence(PresenceChange change) {
        presenceChanges.call(change);
    }

    /** Queues one presence change; the future completes once it is committed, or with what it alone failed with. */
    public CompletableFuture<Boolean> submitPresence(PresenceChange change) {
        return presenceChanges.submit(change);
    }

    @Override
    public void start() {
        sends.start();
        clientRequests.start();
        presenceChanges.start();
    }

    /** Takes no new requests, commits the queued ones, then ends the committers. */
    @Override
    public void stop() {
        sends.stop(stopTimeout);
        clientRequests.stop(stopTimeout);
        presenceChanges.stop(stopTimeout);
    }

    @Override
    public boolean isRunning() {
        return sends.isRunning();
    }

    /** What a client's session asks of messaging: its messages, or to confirm the ones it has. */
    public sealed interface ClientRequest permits Fetch, Acknowledgement {

        UUID session();
    }

    /** A session's request for up to {@code max} of its messages. */
    public record Fetch(UUID session, int max) implements ClientRequest {
    }

    /** A session's confirmation of the messages it has. */
    public record Acknowledgement(UUID session, List<UUID> messageIds) implements ClientRequest {
    }
}
