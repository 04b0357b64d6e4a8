package io.mobim.billing.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.billing.Traffic;
import io.mobim.billing.account.AccountService;
import io.mobim.billing.rating.RatingService;
import io.mobim.billing.rating.RerateService;
import io.mobim.billing.records.BillService;
import io.mobim.billing.records.RatedRecord;
import io.mobim.events.charging.ChargingEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rating keeps the usage counters between batches (the SMS bundle of BOUYGUES_FR: 100 a month, then 0.15 EUR):
 * whatever changes a counter meanwhile, the very next event is rated against the counter as the table holds it.
 */
class UsageCounterCacheTest extends BillingDatabaseTest {

    private static final Instant NOV_1 = Instant.parse("2026-11-01T00:00:00Z");

    @Autowired RatingService rating;
    @Autowired RerateService rerating;
    @Autowired AccountService accounts;
    @Autowired BillService bills;
    @Autowired JdbcTemplate jdbc;

    private static String msisdn() {
        return "+33677" + (100_000 + ThreadLocalRandom.current().nextInt(899_999));
    }

    /** Rates {@code count} sent SMS, 6 hours apart from 1 November, in batches of 25. */
    private void rateSent(Traffic t, int count) {
        List<ChargingEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(t.sentSms(NOV_1.plus(Duration.ofHours(6L * i)), 1));
        }
        for (int from = 0; from < count; from += 25) {
            rating.rate(events.subList(from, Math.min(count, from + 25)));
        }
    }

    private RatedRecord rateOne(String msisdn, Traffic t, Instant at) {
        ChargingEvent e = t.sentSms(at, 1);
        rating.rate(List.of(e));
        return bills.records(msisdn, "2026-11", false).stream().filter(r -> r.eventId().equals(e.eventId())).findFirst().orElseThrow();
    }

    private long used(String msisdn) {
        return jdbc.queryForObject("select used from billing.usage_counter where msisdn = ? and period = '2026-11'", Long.class, msisdn);
    }

    @Test
    void a_bundle_counter_lowered_by_hand_gives_the_units_back_to_the_next_event() {
        String msisdn = msisdn();
        Traffic t = Traffic.of(msisdn, "BOUYGUES_FR");
        rateSent(t, 100);
        assertThat(used(msisdn)).isEqualTo(100);
        // the billing team gives 10 SMS of the bundle back
        jdbc.update("update billing.usage_counter set used = 90 where msisdn = ? and period = '2026-11'", msisdn);

        // (the same day as the last batch: the counters kept from it cover it)
        RatedRecord next = rateOne(msisdn, t, Instant.parse("2026-11-25T20:00:00Z"));
        assertThat(next.rule()).isEqualTo("SMS_BUNDLE 91/100");
        assertThat(next.amount()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(used(msisdn)).isEqualTo(91);
    }

    @Test
    void a_rerating_that_moves_events_off_the_bundle_gives_the_units_back_to_the_next_event() {
        String msisdn = msisdn();
        Traffic t = Traffic.of(msisdn, "BOUYGUES_FR");
        rateSent(t, 100);
        RatedRecord over = rateOne(msisdn, t, Instant.parse("2026-11-27T10:00:00Z"));
        assertThat(over.rule()).isEqualTo("SMS_BUNDLE overage 1x0.15");

        // the subscriber was on VODAFONE_UK until 13 November: the 48 SMS before it leave the bundle
        accounts.assign(msisdn, "VODAFONE_UK", NOV_1);
        accounts.assign(msisdn, "BOUYGUES_FR", Instant.parse("2026-11-13T00:00:00Z"));
        rerating.rerate("2026-11", msisdn);
        assertThat(used(msisdn)).isEqualTo(53);

        RatedRecord next = rateOne(msisdn, t, Instant.parse("2026-11-27T12:00:00Z"));
        assertThat(next.rule()).isEqualTo("SMS_BUNDLE 54/100");
        assertThat(used(msisdn)).isEqualTo(54);
    }

    @Test
    void a_bundle_counter_raised_elsewhere_is_counted_on_from_its_value_in_the_table() {
        String msisdn = msisdn();
        Traffic t = Traffic.of(msisdn, "BOUYGUES_FR");
        rateSent(t, 10);
        // another billing node rated 40 more of this subscriber's SMS (say, after a partition moved)
        jdbc.update("update billing.usage_counter set used = 50 where msisdn = ? and period = '2026-11'", msisdn);

        RatedRecord next = rateOne(msisdn, t, Instant.parse("2026-11-03T20:00:00Z"));
        assertThat(next.rule()).isEqualTo("SMS_BUNDLE 51/100");
        assertThat(used(msisdn)).isEqualTo(51);
        assertThat(rateOne(msisdn, t, Instant.parse("2026-11-03T21:00:00Z")).rule()).isEqualTo("SMS_BUNDLE 52/100");
    }
}
