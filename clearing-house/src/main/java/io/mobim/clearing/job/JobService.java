package io.mobim.clearing.job;

import io.mobim.events.EventJson;
import io.mobim.events.MalformedEvent;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.log.LogAccessor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs long clearing work (matching, settlement) one at a time on a background thread and keeps its progress in
 * {@code clearing.job}, where any instance can read it. Several clearing instances share that table: each job names
 * its instance ({@code owner}), which beats its heartbeat every {@code heartbeatInterval} while the job runs. A job
 * whose heartbeat is older than {@code orphanAfter} lost its instance and is marked FAILED, with that reason, by any
 * instance (at its start and at each of its beats); a job another live instance runs is left alone. What the lost job
 * had not committed was rolled back, so running it again is safe.
 */
public class JobService implements DisposableBean {

    private static final LogAccessor LOG = new LogAccessor(JobService.class);

    private final JdbcTemplate jdbc;
    /** Progress is written in its own transaction, visible while the job's own transaction runs. */
    private final TransactionTemplate apart;
    private final Clock clock;
    private final String owner;
    private final Duration heartbeatInterval;
    private final Duration orphanAfter;
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "clearing-jobs-heartbeat");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "clearing-jobs");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param owner             this instance's name in {@code clearing.job.owner} (unique among the instances)
     * @param heartbeatInterval how often this instance tells that its running jobs are alive
     * @param orphanAfter       how old a running job's heartbeat gets before the job is taken for lost
     */
    public JobService(JdbcTemplate jdbc, PlatformTransactionManager tm, Clock clock, String owner, Duration heartbeatInterval,
            Duration orphanAfter) {
        if (orphanAfter.compareTo(heartbeatInterval) <= 0) {
            throw new IllegalArgumentException("orphan-after (" + orphanAfter + ") must be longer than the heartbeat interval ("
                    + heartbeatInterval + ")");
        }
        this.jdbc = jdbc;
        this.apart = new TransactionTemplate(tm);
        this.apart.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.owner = owner;
        this.heartbeatInterval = heartbeatInterval;
        this.orphanAfter = orphanAfter;
    }

    /** Fails the jobs other instances lost, then beats this instance's heartbeat (and looks for lost jobs) until destroyed. */
    public void open() {
        failOrphaned();
        heartbeat.scheduleWithFixedDelay(this::beat, heartbeatInterval.toMillis(), heartbeatInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void beat() {
        try {
            jdbc.update("update clearing.job set heartbeat_at = clock_timestamp() where owner = ? and status = 'RUNNING'", owner);
            failOrphaned();
        } catch (RuntimeException e) {
            // the database away: the next beat tries again; if it stays away long enough, other instances fail our jobs
            LOG.warn(() -> "Clearing job heartbeat of " + owner + " failed: " + MalformedEvent.reasonOf(e));
        }
    }

    /**
     * Marks FAILED the running jobs of other instances whose heartbeat is older than {@code orphanAfter}; returns how
     * many. Heartbeats are compared in database time, so the instances' own clocks need not agree.
     */
    public int failOrphaned() {
        int failed = jdbc.update("update clearing.job set status = 'FAILED', finished_at = ?, error = 'orphaned: its instance ' "
                        + "|| owner || ' stopped beating its heartbeat at ' || to_char(heartbeat_at at time zone 'UTC', "
                        + "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') || '; what it had not committed was rolled back, run it again' "
                        + "where status = 'RUNNING' and owner <> ? and heartbeat_at < clock_timestamp() - make_interval(secs => ?)",
                Timestamp.from(clock.instant()), owner, orphanAfter.toMillis() / 1000.0);
        if (failed > 0) {
            LOG.warn(() -> failed + " clearing job(s) of a lost instance marked FAILED (no heartbeat for " + orphanAfter + ")");
        }
        return failed;
    }

    /** Starts {@code work} in the background; returns the job at once. */
    public Job start(String kind, Function<Progress, Object> work) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into clearing.job (id, kind, status, phase, started_at, owner, heartbeat_at) "
                + "values (?, ?, 'RUNNING', 'queued', ?, ?, clock_timestamp())", id, kind, Timestamp.from(clock.instant()), owner);
        worker.execute(() -> run(id, kind, work));
        return get(id);
    }

    private void run(UUID id, String kind, Function<Progress, Object> work) {
        Progress progress = (phase, done, total) -> apart.executeWithoutResult(s -> jdbc.update(
                "update clearing.job set phase = ?, done = ?, total = ?, heartbeat_at = clock_timestamp() where id = ?",
                phase.length() > 200 ? phase.substring(0, 200) : phase, done, total, id));
        try {
            Object result = work.apply(progress);
            jdbc.update("update clearing.job set status = 'SUCCEEDED', result = ?::jsonb, finished_at = ? where id = ?",
                    EventJson.mapper().writeValueAsString(result), Timestamp.from(clock.instant()), id);
        } catch (RuntimeException e) {
            String reason = MalformedEvent.reasonOf(e);
            LOG.warn(e, () -> "Clearing job " + kind + " " + id + " failed: " + reason);
            jdbc.update("update clearing.job set status = 'FAILED', error = ?, finished_at = ? where id = ?",
                    reason.length() > 2000 ? reason.substring(0, 2000) : reason, Timestamp.from(clock.instant()), id);
        }
    }

    public Job get(UUID id) {
        List<Job> jobs = jdbc.query("select id, kind, status, phase, done, total, result::text, error, started_at, finished_at, "
                + "owner from clearing.job where id = ?", (rs, i) -> new Job(rs.getObject(1, UUID.class), rs.getString(2),
                JobStatus.valueOf(rs.getString(3)), rs.getString(4), rs.getInt(5), rs.getInt(6),
                rs.getString(7) == null ? null : EventJson.mapper().readTree(rs.getString(7)), rs.getString(8),
                rs.getTimestamp(9).toInstant(), rs.getTimestamp(10) == null ? null : rs.getTimestamp(10).toInstant(),
                rs.getString(11)), id);
        if (jobs.isEmpty()) {
            throw new NoSuchElementException("no job " + id);
        }
        return jobs.get(0);
    }

    @Override
    public void destroy() {
        heartbeat.shutdownNow();
        worker.shutdownNow();
    }
}
