package io.mobim.platform.blocking;

import io.mobim.events.Msisdn;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whom a subscriber refuses: the block list (while in use, the default) and the grant list (while in use, everyone
 * not on it). A refused sender's messages and invitations are refused and never stored, their authorisation requests
 * are dropped, and they see no presence of the subscriber who refused them. Statements that decide many at once use
 * the database function {@code im.refusal(owner, other)}, which says the same as {@link #refuses}.
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
        change(owner, new AccessChange(null, List.of(blocked), List.of(), null, List.of(), List.of()));
    }

    /** Returns whether {@code blocked} was on the list. */
    @Transactional
    public boolean unblock(Msisdn owner, Msisdn blocked) {
        boolean was = delete("im.block", "blocked", owner, blocked);
        if (was) {
            events.publishEvent(new AccessListsChanged(owner));
        }
        return was;
    }

    /**
     * Applies {@code change} to {@code owner}'s lists in one transaction: removals, then additions (a number both
     * removed and added ends on the list), then the in-use flags.
     *
     * @throws IllegalArgumentException if {@code owner} would block themselves (nothing is changed)
     */
    @Transactional
    public void change(Msisdn owner, AccessChange change) {
        if (change.block().contains(owner)) {
            throw new IllegalArgumentException("a subscriber cannot block themselves");
        }
        change.unblock().forEach(m -> delete("im.block", "blocked", owner, m));
        change.ungrant().forEach(m -> delete("im.grant_entry", "granted", owner, m));
        Timestamp now = Timestamp.from(clock.instant());
        change.block().forEach(m -> jdbc.sql("insert into im.block (owner, blocked, created_at) values (?, ?, ?) on conflict do nothing")
                .params(owner.value(), m.value(), now).update());
        change.grant().forEach(m -> jdbc.sql("insert into im.grant_entry (owner, granted, created_at) values (?, ?, ?) on conflict do nothing")
                .params(owner.value(), m.value(), now).update());
        if (change.blockListInUse() != null || change.grantListInUse() != null) {
            jdbc.sql("""
                    insert into im.access_list_use (owner, block_list, grant_list) values (?, coalesce(?, true), coalesce(?, false))
                    on conflict (owner) do update set block_list = coalesce(?, im.access_list_use.block_list),
                                                      grant_list = coalesce(?, im.access_list_use.grant_list)""")
                    .params(owner.value(), change.blockListInUse(), change.grantListInUse(),
                            change.blockListInUse(), change.grantListInUse()).update();
        }
        events.publishEvent(new AccessListsChanged(owner));
    }

    /** {@code owner}'s lists, oldest entries first. */
    @Transactional(readOnly = true)
    public AccessLists lists(Msisdn owner) {
        boolean[] use = jdbc.sql("select block_list, grant_list from im.access_list_use where owner = ?").param(owner.value())
                .query((rs, i) -> new boolean[] {rs.getBoolean(1), rs.getBoolean(2)}).optional().orElse(new boolean[] {true, false});
        return new AccessLists(use[0], blockedBy(owner), use[1],
                jdbc.sql("select granted from im.grant_entry where owner = ? order by created_at, granted")
                        .param(owner.value()).query((rs, i) -> Msisdn.of(rs.getString(1))).list());
    }

    /** Whether {@code owner} refuses {@code other}: blocked while the block list is in use, or not granted while the grant list is. */
    @Transactional(readOnly = true)
    public boolean refuses(Msisdn owner, Msisdn other) {
        return jdbc.sql("select refused from im.refusal(?, ?)").params(owner.value(), other.value()).query(Boolean.class).single();
    }

    @Transactional(readOnly = true)
    public List<Msisdn> blockedBy(Msisdn owner) {
        return jdbc.sql("select blocked from im.block where owner = ? order by created_at, blocked")
                .param(owner.value()).query((rs, i) -> Msisdn.of(rs.getString(1))).list();
    }

    private boolean delete(String table, String column, Msisdn owner, Msisdn other) {
        return jdbc.sql("delete from " + table + " where owner = ? and " + column + " = ?").params(owner.value(), other.value()).update() > 0;
    }
}
