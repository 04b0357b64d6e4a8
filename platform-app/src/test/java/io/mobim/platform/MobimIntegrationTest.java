package io.mobim.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import io.mobim.platform.support.StatementLog;
import io.mobim.platform.support.TestClockConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole platform, all roles, on the real embedded services of the all-in-one runtime (PostgreSQL and a
 * KRaft Kafka broker), started once per test JVM in a temporary directory and shared by every test that uses
 * this annotation: keep the properties identical so that Spring reuses one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"mobim.embedded.ephemeral=true", "mobim.smpp.simulator.port=0", "mobim.wv.cir.tcp-port=0",
                // apart from the background listeners' wait, so that MoListenerFetchTest sees it applied
                "mobim.sms.mo-fetch-wait=20ms",
                "mobim.admin.user=admin", "mobim.admin.password=admin-secret",
                "mobim.admin.billing-user=billing", "mobim.admin.billing-password=billing-secret",
                "mobim.admin.clearing-user=clearing", "mobim.admin.clearing-password=clearing-secret",
                "mobim.admin.metrics-user=scraper", "mobim.admin.metrics-password=scraper-secret",
                // billing reads the message log as the user the process makes up, as in an all-in-one without a billing user
                "mobim.billing.reconciliation.message-log.username="})
@AutoConfigureMetrics
@Import({TestClockConfiguration.class, StatementLog.class})
public @interface MobimIntegrationTest {
}
