package io.mobim.platform.presence;

import org.springframework.scheduling.annotation.Scheduled;

/** Closes client sessions that went silent, on every instance (rows are claimed with SKIP LOCKED). */
class SessionSweeper {

    private final PresenceService presence;

    SessionSweeper(PresenceService presence) {
        this.presence = presence;
    }

    @Scheduled(fixedDelayString = "${mobim.presence.sweep-interval:30s}")
    void sweep() {
        presence.expireSessions();
    }
}
