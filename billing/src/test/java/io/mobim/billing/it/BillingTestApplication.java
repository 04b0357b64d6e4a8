package io.mobim.billing.it;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A minimal app for billing's database tests: only the billing role's auto-configuration contributes beans. */
@SpringBootApplication
public class BillingTestApplication {
}
