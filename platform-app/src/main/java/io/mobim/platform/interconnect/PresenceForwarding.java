package io.mobim.platform.interconnect;

import io.mobim.events.Msisdn;
import io.mobim.platform.blocking.AccessListsChanged;
import io.mobim.platform.contacts.AuthorizationAnswered;
import io.mobim.platform.contacts.AuthorizationState;
import io.mobim.platform.presence.Availability;
import io.mobim.platform.presence.PresenceChanged;
import io.mobim.platform.presence.PresenceService;
import io.mobim.platform.presence.PresenceView;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Pushes the presence of a subscriber of ours to every peer operator one of whose subscribers they authorised, in
 * the transaction of the change (through the outbox, so a peer that is down gets it once back, in order): when it
 * changes, when they accept a peer's subscriber (who sees it at once), and when their access lists change (the
 * watchers they now refuse are left out of the next push, so the peer stops showing it to them).
 */
final class PresenceForwarding {

    private final OutboundMessages outbound;
    private final PresenceService presence;
    private final JdbcClient jdbc;
    private final Clock clock;

    PresenceForwarding(OutboundMessages outbound, PresenceService presence, JdbcClient jdbc, Clock clock) {
        this.outbound = outbound;
        this.presence = presence;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    void onChanged(PresenceChanged e) {
        push(e.msisdn());
    }

    @EventListener
    void onAnswered(AuthorizationAnswered e) {
        if (e.state() == AuthorizationState.ACCEPTED) {
            push(e.presentity());
        }
    }

    @EventListener
    void onAccessListsChanged(AccessListsChanged e) {
        push(e.owner());
    }

    /** One push per peer with an authorised watcher of {@code presentity}'s (none if they are not ours). */
    private void push(Msisdn presentity) {
        if (!outbound.hasPeers()) {
            return;
        }
        record Watcher(String msisdn, boolean refused) {
        }
        List<Watcher> watchers = jdbc.sql("""
                select a.watcher, (select refused from im.refusal(a.presentity, a.watcher)) from im.presence_authorization a
                where a.presentity = ? and a.state = 'ACCEPTED'
                  and not exists (select 1 from im.subscriber s where s.msisdn = a.watcher)""")
                .param(presentity.value()).query((rs, i) -> new Watcher(rs.getString(1), rs.getBoolean(2))).list();
        if (watchers.isEmpty()) {
            return;
        }
        Map<String, String> peers = outbound.peersOf(watchers.stream().map(Watcher::msisdn).toList());
        Map<String, List<String>> byPeer = new HashMap<>();
        for (Watcher w : watchers) {
            String peer = peers.get(w.msisdn());
            if (peer != null) {
                List<String> seeing = byPeer.computeIfAbsent(peer, p -> new ArrayList<>());
                if (!w.refused()) {
                    seeing.add(w.msisdn());
                }
            }
        }
        if (byPeer.isEmpty()) {
            return;
        }
        Optional<PresenceView> seen = presence.asWatchersSeeIt(presentity);
        byPeer.forEach((peer, seeing) -> outbound.handOver(seen
                .map(v -> new PeerPresence(outbound.homeOperator(), peer, presentity.value(), seeing, v.availability(), v.statusText(),
                        v.clientOnline(), v.smsReachable(), v.lastSeen(), clock.instant()))
                // no longer an active subscriber: nobody sees anything of them
                .orElseGet(() -> new PeerPresence(outbound.homeOperator(), peer, presentity.value(), List.of(), Availability.AWAY, null,
                        false, false, null, clock.instant()))));
    }
}
