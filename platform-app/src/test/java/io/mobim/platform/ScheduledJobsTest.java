package io.mobim.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.platform.messaging.MessagingSettings;
import io.mobim.platform.presence.PresenceSettings;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/**
 * The background jobs run at the intervals the settings give them (their defaults are written once, in the settings
 * classes): the messaging sweep (acknowledgement timeouts, expiries), the retention purge, and the client sessions'
 * expiry.
 */
@MobimIntegrationTest
class ScheduledJobsTest {

    @Autowired
    List<ScheduledTaskHolder> schedulers;

    @Autowired
    MessagingSettings messaging;

    @Autowired
    PresenceSettings presence;

    @Test
    void theJobsRunAtTheConfiguredIntervals() {
        List<FixedDelayTask> tasks = schedulers.stream().flatMap(holder -> holder.getScheduledTasks().stream())
                .map(scheduled -> scheduled.getTask()).filter(FixedDelayTask.class::isInstance)
                .map(FixedDelayTask.class::cast).toList();

        assertThat(tasks).anySatisfy(task -> assertThat(task.getIntervalDuration()).isEqualTo(messaging.sweepInterval()));
        assertThat(tasks).anySatisfy(task -> assertThat(task.getIntervalDuration()).isEqualTo(presence.sweepInterval()));
        // the purge waits one interval after the start too: a starting instance has other work first
        assertThat(tasks).anySatisfy(task -> {
            assertThat(task.getIntervalDuration()).isEqualTo(messaging.purgeInterval());
            assertThat(task.getInitialDelayDuration()).isEqualTo(messaging.purgeInterval());
        });
    }
}
