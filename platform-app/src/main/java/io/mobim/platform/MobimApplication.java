package io.mobim.platform;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The one bootable mobim process. Which parts run is set by {@code mobim.roles} (default: all of them); with no
 * external PostgreSQL or Kafka configured it starts embedded ones, so one command gives a working operator.
 */
@SpringBootApplication
public class MobimApplication {

    public static void main(String[] args) {
        SpringApplication.run(MobimApplication.class, args);
    }
}
