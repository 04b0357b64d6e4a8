package io.mobim.smpp.health;

import io.mobim.smpp.esme.SmscLink;
import io.mobim.smpp.esme.SmscLinks;
import io.mobim.smpp.mt.MtSender;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code /actuator/health/smpp}: UP when every session of every link is bound; UP with {@code degraded=true}
 * when some are down but a link still works (one SMS-C down must not take the pod out of service while
 * another carries the traffic); DOWN when no link is bound at all. Details per link and session, and the
 * MT backlog.
 */
public final class SmppHealthIndicator implements HealthIndicator {

    private final SmscLinks links;
    private final MtSender mtSender;

    public SmppHealthIndicator(SmscLinks links, MtSender mtSender) {
        this.links = links;
        this.mtSender = mtSender;
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        boolean all = true;
        for (SmscLink link : links.links()) {
            details.put(link.id(), Map.of(
                    "host", link.config().host() + ":" + link.config().port(),
                    "sessions", link.status(),
                    "inFlight", link.inFlight(),
                    "throughputLimit", link.currentThroughputLimit()));
            all &= link.fullyBound();
        }
        details.put("mtBacklog", mtSender.backlog());
        Health.Builder b = links.canTransmit() || links.links().stream().anyMatch(SmscLink::fullyBound) ? Health.up() : Health.down();
        if (!all) {
            b.withDetail("degraded", true);
        }
        return b.withDetails(details).build();
    }
}
