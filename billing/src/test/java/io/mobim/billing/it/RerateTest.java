package io.mobim.billing.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.billing.Traffic;
import io.mobim.billing.plan.PlanService;
import io.mobim.billing.plan.TariffComponent;
import io.mobim.billing.plan.TariffPlanVersion;
import io.mobim.billing.rating.RatingService;
import io.mobim.billing.rating.RerateService;
import io.mobim.billing.records.BillService;
import io.mobim.billing.records.RatedRecord;
import io.mobim.events.charging.Channel;
import io.mobim.events.charging.ChargingEvent;
import io.mobim.events.charging.Direction;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A plan correction is a new version; re-rating the period writes new record versions and keeps the old ones. */
class RerateTest extends BillingDatabaseTest {

    private static final Instant NOV_1 = Instant.parse("2026-11-01T00:00:00Z");

    @Autowired PlanService plans;
    @Autowired RatingService rating;
    @Autowired RerateService rerating;
    @Autowired BillService bills;

    private static TariffPlanVersion plan(String id, int version, String price) {
        return new TariffPlanVersion(id, version, "test plan", NOV_1, Currency.getInstance("GBP"), RoundingMode.HALF_UP, 2,
                List.of(TariffComponent.perEvent("IM_SENT", price, Set.of(Direction.SENT), Set.of(Channel.SMS, Channel.CLIENT))));
    }

    @Test
    void rerating_after_a_plan_correction_writes_new_versions_and_keeps_the_old_ones() {
        String planId = "TEST_" + ThreadLocalRandom.current().nextInt(1_000_000);
        String msisdn = "+447722" + (100_000 + ThreadLocalRandom.current().nextInt(899_999));
        plans.addVersion(plan(planId, 1, "0.10"));                  // the price was entered wrong
        Traffic t = Traffic.of(msisdn, planId);
        List<ChargingEvent> month = new ArrayList<>();
        for (int d = 0; d < 30; d++) {
            month.add(t.sentSms(NOV_1.plus(Duration.ofDays(d)).plus(Duration.ofHours(12)), 1));
            month.add(t.receivedSms(NOV_1.plus(Duration.ofDays(d)).plus(Duration.ofHours(13))));
        }
        rating.rate(month);
        assertThat(bills.bill(msisdn, "2026-11").totals().get(0).amount()).isEqualTo(new BigDecimal("3.00"));

        plans.addVersion(plan(planId, 2, "0.12"));                  // correction: same activation, higher version
        RerateService.Result result = rerating.rerate("2026-11", msisdn);
        assertThat(result.examined()).isEqualTo(60);
        // every record now points at the corrected version; only the 30 sent messages change price
        assertThat(result.newVersions()).isEqualTo(60);
        assertThat(result.delta()).isEqualTo(Map.of("GBP", new BigDecimal("0.60")));

        assertThat(bills.bill(msisdn, "2026-11").totals().get(0).amount()).isEqualTo(new BigDecimal("3.60"));
        List<RatedRecord> all = bills.records(msisdn, "2026-11", true);
        assertThat(all).hasSize(120);
        RatedRecord first = all.get(0);
        RatedRecord second = all.get(1);
        assertThat(first.eventId()).isEqualTo(second.eventId());
        assertThat(first.version()).isEqualTo(1);
        assertThat(first.current()).isFalse();
        assertThat(first.amount()).isEqualTo(new BigDecimal("0.10"));
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.current()).isTrue();
        assertThat(second.planVersion()).isEqualTo(2);
        assertThat(second.amount()).isEqualTo(new BigDecimal("0.12"));
        assertThat(second.ratingReason()).isEqualTo(RatedRecord.RatingReason.RERATED);

        assertThat(rerating.rerate("2026-11", msisdn).newVersions()).as("re-rating again changes nothing").isZero();
        assertThat(rating.rate(month).duplicates()).as("a replay of the month after re-rating").isEqualTo(60);
        assertThat(bills.bill(msisdn, "2026-11").totals().get(0).amount()).isEqualTo(new BigDecimal("3.60"));
    }

    @Test
    void two_rerates_of_the_same_subscriber_at_once_leave_one_current_version_per_event() throws Exception {
        String planId = "TEST_" + ThreadLocalRandom.current().nextInt(1_000_000);
        String msisdn = "+447723" + (100_000 + ThreadLocalRandom.current().nextInt(899_999));
        plans.addVersion(plan(planId, 1, "0.10"));
        Traffic t = Traffic.of(msisdn, planId);
        List<ChargingEvent> month = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            month.add(t.sentSms(NOV_1.plus(Duration.ofHours(6L * i)), 1));
        }
        rating.rate(month);
        plans.addVersion(plan(planId, 2, "0.12"));

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<RerateService.Result>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> rerating.rerate("2026-11", msisdn)));
            }
            int newVersions = 0;
            for (Future<RerateService.Result> run : runs) {
                newVersions += run.get().newVersions();
            }
            assertThat(newVersions).as("one of the two wrote the new versions").isEqualTo(40);
        } finally {
            pool.shutdown();
        }
        List<RatedRecord> all = bills.records(msisdn, "2026-11", true);
        assertThat(all).hasSize(80);
        assertThat(all.stream().filter(RatedRecord::current).map(RatedRecord::eventId).distinct().count()).isEqualTo(40);
        assertThat(all.stream().filter(RatedRecord::current)).hasSize(40).allSatisfy(r -> assertThat(r.version()).isEqualTo(2));
        assertThat(bills.bill(msisdn, "2026-11").totals().get(0).amount()).isEqualTo(new BigDecimal("4.80"));
    }
}
