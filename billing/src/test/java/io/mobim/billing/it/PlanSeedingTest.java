package io.mobim.billing.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mobim.billing.plan.PlanService;
import io.mobim.billing.plan.PlanStore;
import io.mobim.billing.plan.TariffComponent;
import io.mobim.billing.plan.TariffPlanVersion;
import io.mobim.events.charging.Channel;
import io.mobim.events.charging.Direction;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The shipped plans are stored for good on first use, even when that use is a rating transaction that rolls back. */
class PlanSeedingTest extends BillingDatabaseTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired PlatformTransactionManager tm;

    @Test
    void shipped_plans_seeded_inside_a_batch_that_rolls_back_stay_in_the_catalogue() {
        String planId = "SEED_" + ThreadLocalRandom.current().nextInt(1_000_000);
        TariffPlanVersion shipped = new TariffPlanVersion(planId, 1, "shipped", Instant.parse("2026-01-01T00:00:00Z"),
                Currency.getInstance("GBP"), RoundingMode.HALF_UP, 2,
                List.of(TariffComponent.perEvent("IM_SENT", "0.12", Set.of(Direction.SENT), Set.of(Channel.CLIENT))));
        TransactionTemplate tx = new TransactionTemplate(tm);
        PlanService plans = new PlanService(new PlanStore(jdbc), tx, List.of(shipped), Duration.ofSeconds(30));

        // the first batch after installation loads the catalogue, then fails (say, a replay) and rolls back
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            assertThat(plans.catalog().knows(planId)).isTrue();
            throw new IllegalStateException("batch failed");
        })).hasMessage("batch failed");

        plans.refresh();   // as every node does after plan-refresh
        assertThat(plans.catalog().knows(planId)).isTrue();
    }
}
