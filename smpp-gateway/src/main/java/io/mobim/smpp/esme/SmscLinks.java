package io.mobim.smpp.esme;

import io.micrometer.core.instrument.MeterRegistry;
import io.mobim.smpp.codec.Segment;
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

    /** The link a part was accepted on, and the id the SMS-C gave it. */
    public record Accepted(String linkId, String messageId) {
    }

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

    /**
     * Submits one part on {@code preferredLink} when it can transmit, else on the next link that can.
     *
     * @throws SubmitException with {@link SubmitException.Reason#NOT_BOUND} when no link can transmit
     */
    public Accepted submit(String preferredLink, SmscLink.Submission submission, Segment part) throws SubmitException {
        SmscLink link = null;
        if (preferredLink != null) {
            link = links.stream().filter(l -> l.id().equals(preferredLink) && l.canTransmit()).findFirst().orElse(null);
        }
        if (link == null) {
            for (int i = 0; i < links.size(); i++) {
                SmscLink candidate = links.get(Math.floorMod(next.getAndIncrement(), links.size()));
                if (candidate.canTransmit()) {
                    link = candidate;
                    break;
                }
            }
        }
        if (link == null) {
            throw new SubmitException(SubmitException.Reason.NOT_BOUND, -1, "no SMS-C link is bound for transmitting", null);
        }
        return new Accepted(link.id(), link.submit(submission, part));
    }

    @Override
    public void close() {
        links.forEach(SmscLink::stop);
        scheduler.shutdownNow();
    }
}
