package io.mobim.clearing.job;

import io.mobim.events.EventJson;
import io.mobim.events.MalformedEvent;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.log.LogAccessor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs long clearing work (matching, settlement) one at a time on a background thread and keeps its progress in
 * {@code clearing.job}, where any instance can read it. A job still RUNNING when its instance stopped is marked
 * FAILED at the next start of the clearing role; its transaction was rolled back, so running it again is safe.
 */
public class JobService implements DisposableBean {

    private static final LogAccessor LOG = new LogAccessor(JobService.class);

    private final JdbcTemplate jdbc;
    /** Progress is written in its own transaction, visible while the job's own transaction runs. */
    private final TransactionTemplate apart;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "clearing-jobs");
        t.setDaemon(true);
        return t;
    });

    public JobService(JdbcTemplate jdbc, PlatformTransactionManager tm, Clock clock) {
        this.jdbc = jdbc;
        this.apart = new TransactionTemplate(tm);
        this.apart.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Marks the jobs left RUNNING by a stopped instance as FAILED. */
    public void failInterrupted() {
        jdbc.update("update clearing.job set status = 'FAILED', error = 'interrupted: the instance running it stopped', "
                + "finished_at = ? where status = 'RUNNING'", Timestamp.from(clock.instant()));
    }

    /** Starts {@code work} in the background; returns the job at once. */
    public Job start(String kind, Function<Progress, Object> work) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into clearing.job (id, kind, status, phase, started_at) values (?, ?, 'RUNNING', 'queued', ?)",
                id, kind, Timestamp.from(clock.instant()));
        worker.execute(() -> run(id, kind, work));
        return get(id);
    }

    private void run(UUID id, String kind, Function<Progress, Object> work) {
        Progress progress = (phase, done, total) -> apart.executeWithoutResult(s -> jdbc.update(
                "update clearing.job set phase = ?, done = ?, total = ? where id = ?",
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
        List<Job> jobs = jdbc.query("select id, kind, status, phase, done, total, result::text, error, started_at, finished_at "
                + "from clearing.job where id = ?", (rs, i) -> new Job(rs.getObject(1, UUID.class), rs.getString(2),
                JobStatus.valueOf(rs.getString(3)), rs.getString(4), rs.getInt(5), rs.getInt(6),
                rs.getString(7) == null ? null : EventJson.mapper().readTree(rs.getString(7)), rs.getString(8),
                rs.getTimestamp(9).toInstant(), rs.getTimestamp(10) == null ? null : rs.getTimestamp(10).toInstant()), id);
        if (jobs.isEmpty()) {
            throw new NoSuchElementException("no job " + id);
        }
        return jobs.get(0);
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
