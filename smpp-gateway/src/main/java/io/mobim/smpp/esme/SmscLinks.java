package io.mobim.smpp.esme;

import io.micrometer.core.instrument.MeterRegistry;
import io.mobim.smpp.config.SmppProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The ESME side of the gateway: every configured SMS-C link, started together, and the choice of a link
 * for each submit (the link a message's earlier parts went through if it is still bound, else the next
 * bound transmitter in turn).
 */
public final class SmscLinks implements AutoCloseable {

    private final List<SmscLink> links = new ArrayList<>();
    private final ScheduledExecutorService scheduler;
    private final AtomicInteger next = new AtomicInteger();

    public SmscLinks(List<SmppProperties.Smsc> configs, DeliverHandler deliverHandler, MeterRegistry registry) {
        AtomicInteger n = new AtomicInteger();
        this.scheduler = Executors.newScheduledThreadPool(Math.max(1, Math.min(4, configs.size() * 2)), r -> {
            Thread t = new Thread(r, "smpp-bind-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < configs.size(); i++) {
            SmppProperties.Smsc c = configs.get(i);
            if (c.id() == null || c.id().isBlank()) {
                c = c.withId("smsc" + i);
            }
            links.add(new SmscLink(c, deliverHandler, scheduler, registry));
        }
        if (links.isEmpty()) {
            throw new IllegalArgumentException("no SMS-C link configured");
        }
    }

    public void start() {
        links.forEach(SmscLink::start);
    }

    public List<SmscLink> links() {
        return List.copyOf(links);
    }

    /** Whether at least one link can take MTs now. */
    public boolean canTransmit() {
        return links.stream().anyMatch(SmscLink::canTransmit);
    }

    /** {@code listener} runs whenever a link's window frees up or a session binds. */
    public void onWindowFreed(Runnable listener) {
        links.forEach(l -> l.onWindowFreed(listener));
    }

    /**
     * A link with a free window slot, taken ({@link SmscLink#tryAcquire}): {@code preferredLink} when it can take
     * the part now, else the next link in turn that can; null when none can (none bound, windows full, paused).
     * The caller must {@link SmscLink#submit} on it once.
     */
    public SmscLink acquire(String preferredLink) {
        if (preferredLink != null) {
            for (SmscLink l : links) {
                if (l.id().equals(preferredLink) && l.canTransmit()) {
                    return l.tryAcquire() ? l : null; // a message's parts stay on one link while it is bound
                }
            }
        }
        for (int i = 0; i < links.size(); i++) {
            SmscLink candidate = links.get(Math.floorMod(next.getAndIncrement(), links.size()));
            if (candidate.tryAcquire()) {
                return candidate;
            }
        }
        return null;
    }

    @Override
    public void close() {
        links.forEach(SmscLink::stop);
        scheduler.shutdownNow();
    }
}
