package io.mobim.platform.interconnect;

import io.micrometer.core.instrument.MeterRegistry;
import io.mobim.events.Msisdn;
import io.mobim.platform.subscribers.Subscribers;
import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Presence states a peer pushes for its subscribers: kept in {@code im.peer_presence} and shown to the watchers of
 * ours it names, as our subscribers' presence is (SMS {@code LIST}, client presence and polls). The latest push wins: an
 * older or repeated one changes nothing, so a retry is harmless.
 */
final class InboundPresence {

    /** What became of a push. */
    enum Outcome {
        STORED,
        UNCHANGED,
        /** The presentity is not the sending peer's subscriber (ours, or another operator's by the number plan). */
        NOT_THE_PEERS
    }

    private final JdbcClient jdbc;
    private final Subscribers subscribers;
    private final OutboundMessages operators;
    private final MeterRegistry meters;

    InboundPresence(JdbcClient jdbc, Subscribers subscribers, OutboundMessages operators, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.subscribers = subscribers;
        this.operators = operators;
        this.meters = meters;
    }

    /** One statement, so no transaction of its own is needed. */
    Outcome receive(PeerPresence p) {
        Msisdn presentity = Msisdn.of(p.presentity());
        Outcome outcome;
        if (subscribers.find(presentity).isPresent() || !p.fromOperator().equals(operators.peerOf(presentity))) {
            outcome = Outcome.NOT_THE_PEERS;
        } else {
            int written = jdbc.sql("""
                    insert into im.peer_presence as pp (msisdn, operator, availability, status_text, client_online, sms_reachable,
                        last_seen, watchers, changed_at, change_xid)
                    values (?, ?, ?, ?, ?, ?, ?, ?::varchar[], ?, pg_current_xact_id())
                    on conflict (msisdn) do update set operator = excluded.operator, availability = excluded.availability,
                        status_text = excluded.status_text, client_online = excluded.client_online,
                        sms_reachable = excluded.sms_reachable, last_seen = excluded.last_seen, watchers = excluded.watchers,
                        changed_at = excluded.changed_at, change_xid = excluded.change_xid
                    where excluded.changed_at > pp.changed_at""")
                    .params(p.presentity(), p.fromOperator(), p.availability().name(), p.statusText(), p.clientOnline(), p.smsReachable(),
                            p.lastSeen() == null ? null : Timestamp.from(p.lastSeen()), p.watchers().toArray(String[]::new),
                            Timestamp.from(p.changedAt()))
                    .update();
            outcome = written > 0 ? Outcome.STORED : Outcome.UNCHANGED;
        }
        meters.counter("mobim.interconnect.presence.inbound", "peer", p.fromOperator(), "outcome",
                outcome.name().toLowerCase()).increment();
        return outcome;
    }
}
