package io.mobim.platform.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.embedded.FileTrees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The all-in-one in a JVM of its own (two starts of it: about a minute on an idle 2-core machine, more under load). The all-in-one is killed with {@code destroyForcibly()} (kill -9) in the middle of an SMS burst from an
 * external SMS-C and started again on the same data directory: it starts by itself (the orphaned PostgreSQL of the
 * dead JVM is stopped, the broker recovers its logs), and every MO it acknowledged is handled once, every message
 * delivered and charged, under the same node id. See {@link KillNineScenario}; the bench's fault-injection run is
 * the same scenario, bigger.
 */
class AllInOneKillNineTest {

    @Test
    void killedMidBurstItRestartsOnTheSameDataAndEveryAcknowledgedSmsIsHandledOnceDeliveredAndCharged() throws Exception {
        Path data = Files.createTempDirectory("mobim-kill-nine-");
        Path log = Path.of("target", "kill-nine-all-in-one.log").toAbsolutePath();
        Files.deleteIfExists(log);
        try {
            var plan = new KillNineScenario.Plan(4, 120, 40, 40, Duration.ofSeconds(150));
            KillNineScenario.Result r = new KillNineScenario(AllInOneProcess.Launch.testClassPath(), data, log, System.out).run(plan);

            assertThat(r.secondOnLiveData()).as("a second platform on live data refuses and says why")
                    .startsWith("exit 1").contains("is in use by another mobim (pid ");
            assertThat(r.acknowledgedAtKill()).as("killed in the middle of the burst").isBetween(40, 119);
            assertThat(r.acknowledged()).as("the SMS-C got every MO acknowledged in the end").isEqualTo(120);
            assertThat(r.distinct()).as("every MO's message reached its recipient's handset").isEqualTo(120);
            // the at-least-once window of a kill: an MO made durable whose acknowledgement the kill cut off is sent
            // again by the SMS-C (the gateway recognises the redelivery), and an MT the SMS-C accepted before the
            // gateway recorded it is sent again after the restart. Duplicates come only from the kill, never within a life
            assertThat(r.handled() - 120).as("MOs handled twice: %s", r.summary()).isBetween(0, r.unacknowledgedAtKill());
            assertThat(r.duplicates()).as("every duplicate MT is a resend across the kill or the answer to an MO handled twice: %s",
                    r.summary()).isBetween(r.resentAcrossKill(), r.resentAcrossKill() + (r.handled() - 120));
            assertThat(r.delivered()).as("every message closed DELIVERED by the SMS-C's receipt").isEqualTo(r.handled());
            assertThat(r.chargesByRole()).as("charging events = deliveries, for each charged party").isNotEmpty()
                    .allSatisfy((role, n) -> assertThat(n).as(role).isEqualTo(r.delivered()));
            assertThat(r.nodeIds()).as("one node id before and after the restart: the leased one came back").hasSize(1);
        } finally {
            FileTrees.delete(data);
        }
    }
}
