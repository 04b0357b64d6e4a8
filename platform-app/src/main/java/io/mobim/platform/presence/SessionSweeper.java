package io.mobim.platform.presence;

import java.time.Duration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Writes the data volume counted on this instance that no touch wrote, then closes client sessions that went silent,
 * on every instance (rows are claimed with SKIP LOCKED), every {@code mobim.presence.sweep-interval}.
 */
class SessionSweeper implements SchedulingConfigurer {

    private final ClientSessions sessions;
    private final Duration interval;

    SessionSweeper(ClientSessions sessions, Duration interval) {
        this.sessions = sessions;
        this.interval = interval;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(this::sweep, interval);
    }

    void sweep() {
        sessions.writeData();
        sessions.expireSessions();
    }
}
