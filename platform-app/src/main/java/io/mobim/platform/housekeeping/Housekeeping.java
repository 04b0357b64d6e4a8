package io.mobim.platform.housekeeping;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes invitations past their validity by more than {@code mobim.housekeeping.invitation-retention} and delivery
 * reports no client took within {@code report-retention}, in batches of {@code batch} rows, each batch its own
 * transaction; every {@code interval}, on every instance (rows are claimed with SKIP LOCKED). Counted in
 * {@code mobim.housekeeping.purged} by table.
 */
public class Housekeeping implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final HousekeepingSettings settings;
    private final Clock clock;
    private final Counter invitations;
    private final Counter reports;

    Housekeeping(JdbcClient jdbc, TransactionTemplate tx, HousekeepingSettings settings, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.settings = settings;
        this.clock = clock;
        this.invitations = meters.counter("mobim.housekeeping.purged", "table", "invitation");
        this.reports = meters.counter("mobim.housekeeping.purged", "table", "client_delivery_report");
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::run, settings.interval(), settings.interval()));
    }

    /** One run: both purges. */
    void run() {
        try {
            purgeInvitations();
            purgeReports();
        } catch (RuntimeException e) {
            log.warn("Housekeeping failed, retried in {}: {}", settings.interval(), e.toString());
        }
    }

    /** Deletes the invitations past their validity by more than the retention; returns how many. */
    public long purgeInvitations() {
        Instant cutoff = clock.instant().minus(settings.invitationRetention());
        long n = purge("""
                delete from im.invitation where id = any(array(
                    select id from im.invitation where expires_at < ? order by expires_at limit ? for update skip locked))""", cutoff);
        invitations.increment(n);
        return n;
    }

    /** Deletes the delivery reports older than the retention; returns how many. */
    public long purgeReports() {
        Instant cutoff = clock.instant().minus(settings.reportRetention());
        long n = purge("""
                delete from im.client_delivery_report where ctid = any(array(
                    select ctid from im.client_delivery_report where reported_at < ? order by reported_at limit ?
                    for update skip locked))""", cutoff);
        reports.increment(n);
        return n;
    }

    private long purge(String sql, Instant cutoff) {
        long total = 0;
        while (true) {
            Integer deleted = tx.execute(status -> jdbc.sql(sql).params(Timestamp.from(cutoff), settings.batch()).update());
            total += deleted == null ? 0 : deleted;
            if (deleted == null || deleted < settings.batch()) {
                return total;
            }
        }
    }
}
