package io.mobim.platform;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The one bootable mobim process. Which parts run is set by {@code mobim.roles} (default: all of them); with no
 * external PostgreSQL or Kafka configured it starts embedded ones, so one command gives a working operator.
 */
@SpringBootApplication
@EnableScheduling
public class MobimApplication {

    /** The platform's time source; tests replace it to move time forward. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) {
        SpringApplication.run(MobimApplication.class, args);
    }
}
