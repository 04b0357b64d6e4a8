package io.mobim.billing.it;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/** Base of the tests against a real PostgreSQL: one shared context (billing role on, Kafka consumer off). */
@SpringBootTest(classes = BillingTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "mobim.role.billing.enabled=true",
                "mobim.billing.consumer.enabled=false",
                "mobim.billing.business-zone=Europe/London",
                "spring.jpa.hibernate.ddl-auto=validate",
                "spring.jpa.open-in-view=false",
                "spring.flyway.enabled=false"
        })
@ContextConfiguration(initializers = TestDatabase.class)
public abstract class BillingDatabaseTest {
}
