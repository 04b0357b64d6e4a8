package io.mobim.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole platform, all roles, on the real embedded services of the all-in-one runtime (PostgreSQL and a
 * KRaft Kafka broker), started once per test JVM in a temporary directory and shared by every test that uses
 * this annotation: keep the properties identical so that Spring reuses one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"mobim.embedded.ephemeral=true", "mobim.smpp.simulator.port=0"})
@AutoConfigureMetrics
public @interface MobimIntegrationTest {
}
