package io.mobim.billing.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.billing.Traffic;
import io.mobim.billing.account.AccountService;
import io.mobim.billing.rating.RatingOutcome;
import io.mobim.billing.rating.RatingService;
import io.mobim.billing.rating.RejectReason;
import io.mobim.billing.rating.RejectedEvent;
import io.mobim.billing.rating.RejectedEventStore;
import io.mobim.billing.records.BillService;
import io.mobim.billing.records.RatedRecord;
import io.mobim.events.charging.ChargingEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Events that cannot be rated are kept with their reason, survive replays once, and rate after the fix. */
class RejectAndRecycleTest extends BillingDatabaseTest {

    private static final Instant AT = Instant.parse("2026-11-05T10:00:00Z");

    @Autowired RatingService rating;
    @Autowired RejectedEventStore rejections;
    @Autowired AccountService accounts;
    @Autowired BillService bills;
    @Autowired JdbcTemplate jdbc;

    private static String newMsisdn() {
        return "+447711" + (100_000 + ThreadLocalRandom.current().nextInt(899_999));
    }

    @Test
    void an_event_with_no_subscriber_is_rejected_then_recycled_after_the_account_is_set() {
        String msisdn = newMsisdn();
        ChargingEvent orphan = Traffic.of(msisdn, null).receivedSms(AT);     // the IM core knew no plan

        assertThat(rating.rate(List.of(orphan))).isEqualTo(new RatingOutcome(0, 1, 0));
        assertThat(rating.rate(List.of(orphan))).as("replay").isEqualTo(new RatingOutcome(0, 0, 1));
        List<RejectedEvent> open = rejections.open(msisdn, null, 10);
        assertThat(open).singleElement().satisfies(r -> {
            assertThat(r.reasonCode()).isEqualTo(RejectReason.UNKNOWN_SUBSCRIBER);
            assertThat(r.reason()).isEqualTo("no billing account for the subscriber and the event carries no tariff plan");
            assertThat(r.event()).isEqualTo(orphan);
        });
        assertThat(bills.bill(msisdn, "2026-11").openRejected()).isEqualTo(1);

        // recycling before the fix changes nothing but the attempt count
        assertThat(rating.recycle(msisdn, null, 100)).isEqualTo(new RatingOutcome(0, 1, 0));
        assertThat(rejections.open(msisdn, null, 10).get(0).attempts()).isEqualTo(2);

        accounts.assign(msisdn, "ORANGE_UK", Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(rating.recycle(msisdn, RejectReason.UNKNOWN_SUBSCRIBER, 100)).isEqualTo(new RatingOutcome(1, 0, 0));

        List<RatedRecord> records = bills.records(msisdn, "2026-11", false);
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.eventId()).isEqualTo(orphan.eventId());
            assertThat(r.planId()).isEqualTo("ORANGE_UK");
            assertThat(r.amount()).isEqualTo(new BigDecimal("0.10"));
            assertThat(r.ratingReason()).isEqualTo(RatedRecord.RatingReason.RECYCLED);
        });
        assertThat(rejections.open(msisdn, null, 10)).isEmpty();
        assertThat(jdbc.queryForObject("select status from billing.rejected_event where event_id = ?", String.class,
                orphan.eventId())).isEqualTo("RECYCLED");
        assertThat(rating.rate(List.of(orphan))).as("replay after recycling").isEqualTo(new RatingOutcome(0, 0, 1));
        assertThat(rating.recycle(msisdn, null, 100)).as("nothing left to recycle").isEqualTo(new RatingOutcome(0, 0, 0));
        assertThat(bills.bill(msisdn, "2026-11").openRejected()).isZero();
    }

    @Test
    void an_unknown_plan_is_rejected_with_its_id_and_the_billing_account_overrides_the_event() {
        String msisdn = newMsisdn();
        ChargingEvent acme = Traffic.of(msisdn, "ACME_UK").sentClient(AT);
        assertThat(rating.rate(List.of(acme)).rejected()).isEqualTo(1);
        assertThat(rejections.open(msisdn, RejectReason.UNKNOWN_PLAN, 10)).singleElement()
                .extracting(RejectedEvent::reason).isEqualTo("tariff plan ACME_UK is not in the catalogue");

        accounts.assign(msisdn, "VODAFONE_UK", Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(rating.recycle(msisdn, null, 10).rated()).isEqualTo(1);
        assertThat(bills.records(msisdn, "2026-11", false).get(0).planId()).isEqualTo("VODAFONE_UK");
    }

    @Test
    void a_plan_learned_from_an_event_rates_later_events_that_carry_none() {
        String msisdn = newMsisdn();
        rating.rate(List.of(Traffic.of(msisdn, "VODAFONE_UK").sentSms(AT, 1)));
        assertThat(rating.rate(List.of(Traffic.of(msisdn, null).sentSms(AT.plusSeconds(60), 1))).rated()).isEqualTo(1);
        assertThat(accounts.history(msisdn)).singleElement().satisfies(a -> {
            assertThat(a.planId()).isEqualTo("VODAFONE_UK");
            assertThat(a.source().name()).isEqualTo("EVENT");
        });
    }
}
