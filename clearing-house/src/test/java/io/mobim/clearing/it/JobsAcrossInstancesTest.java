package io.mobim.clearing.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.clearing.job.Job;
import io.mobim.clearing.job.JobService;
import io.mobim.clearing.job.JobStatus;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Two clearing instances share the job table, as the chart's two replicas do: an instance that starts leaves the live
 * job of the other alone, however long it has been running, since that instance keeps beating its heartbeat; a job
 * whose instance stopped beating is failed by the other with the reason, naming the lost instance.
 */
class JobsAcrossInstancesTest extends ClearingApiTest {

    private static final Duration BEAT = Duration.ofMillis(100);
    private static final Duration ORPHAN_AFTER = Duration.ofSeconds(3);

    @Autowired
    PlatformTransactionManager tm;

    @Test
    void a_starting_instance_leaves_a_live_job_of_another_alone_and_fails_one_whose_instance_is_gone() {
        CountDownLatch release = new CountDownLatch(1);
        JobService first = instance("clearing-0/test");
        JobService second = null;
        JobService gone = instance("clearing-gone/test");   // never beats: an instance that died after starting its job
        try {
            first.open();
            Job live = first.start("MATCHING", p -> awaitIgnoringInterrupts(release));
            Job lost = gone.start("SETTLEMENT", p -> awaitIgnoringInterrupts(release));
            assertThat(live.owner()).isEqualTo("clearing-0/test");
            // the live job runs longer than orphan-after: only its heartbeat keeps it alive
            Instant beatAtStart = heartbeat(live.id());
            await(() -> heartbeat(live.id()).isAfter(beatAtStart.plus(ORPHAN_AFTER).plus(BEAT)));

            second = instance("clearing-1/test");
            second.open();   // a start: fails what other instances lost
            JobService survivor = second;
            assertThat(first.get(live.id()).status()).isEqualTo(JobStatus.RUNNING);
            await(() -> {
                survivor.failOrphaned();
                return first.get(lost.id()).status() == JobStatus.FAILED;
            });

            assertThat(first.get(live.id()).status()).isEqualTo(JobStatus.RUNNING);
            Job failed = first.get(lost.id());
            assertThat(failed.error()).startsWith("orphaned: its instance clearing-gone/test stopped beating its heartbeat at ")
                    .endsWith("what it had not committed was rolled back, run it again");
            assertThat(failed.finishedAt()).isNotNull();

            release.countDown();
            await(() -> first.get(live.id()).status() == JobStatus.SUCCEEDED);
            assertThat(first.get(live.id()).result().get("waited").asBoolean()).isTrue();
        } finally {
            release.countDown();
            first.destroy();
            gone.destroy();
            if (second != null) {
                second.destroy();
            }
        }
    }

    private JobService instance(String name) {
        return new JobService(jdbc, tm, Clock.systemUTC(), name, BEAT, ORPHAN_AFTER);
    }

    private Instant heartbeat(UUID job) {
        return jdbc.queryForObject("select heartbeat_at from clearing.job where id = ?", Timestamp.class, job).toInstant();
    }

    /** Work that runs until released, as a long matching run does, whatever happens to its instance meanwhile. */
    private static Object awaitIgnoringInterrupts(CountDownLatch release) {
        while (true) {
            try {
                release.await();
                return Map.of("waited", true);
            } catch (InterruptedException e) {
                // an instance that stopped beating may still be running its job: keep going
            }
        }
    }
}
