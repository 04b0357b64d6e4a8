package io.mobim.clearing.it;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A minimal app for the clearing house's tests: only the clearing role's auto-configuration contributes beans. Its
 * clock stands on 6 December 2026, so that the October and November 2026 traffic of the tests is inside the accepted
 * event-time window whenever they run.
 */
@SpringBootApplication
public class ClearingTestApplication {

    static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z");

    @Bean
    Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }
}
