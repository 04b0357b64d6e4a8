package io.mobim.platform.blocking;

import io.mobim.events.Msisdn;
import java.time.Clock;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whom a subscriber refuses. A blocked sender's messages are refused and never stored, their authorisation
 * requests are dropped, and they see no presence of the subscriber who blocked them.
 */
public class BlockList {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    BlockList(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public void block(Msisdn owner, Msisdn blocked) {
        if (owner.equals(blocked)) {
            throw new IllegalArgumentException("a subscriber cannot block themselves");
        }
        jdbc.sql("insert into im.block (owner, blocked, created_at) values (?, ?, ?) on conflict do nothing")
                .params(owner.value(), blocked.value(), java.sql.Timestamp.from(clock.instant())).update();
    }

    /** Returns whether {@code blocked} was on the list. */
    @Transactional
    public boolean unblock(Msisdn owner, Msisdn blocked) {
        boolean was = jdbc.sql("delete from im.block where owner = ? and blocked = ?").params(owner.value(), blocked.value()).update() > 0;
        if (was) {
            events.publishEvent(new Unblocked(owner, blocked));
        }
        return was;
    }

    /** Whether {@code owner} has blocked {@code sender}. */
    @Transactional(readOnly = true)
    public boolean hasBlocked(Msisdn owner, Msisdn sender) {
        return jdbc.sql("select exists (select 1 from im.block where owner = ? and blocked = ?)")
                .params(owner.value(), sender.value()).query(Boolean.class).single();
    }

    @Transactional(readOnly = true)
    public List<Msisdn> blockedBy(Msisdn owner) {
        return jdbc.sql("select blocked from im.block where owner = ? order by created_at")
                .param(owner.value()).query((rs, i) -> Msisdn.of(rs.getString(1))).list();
    }
}
