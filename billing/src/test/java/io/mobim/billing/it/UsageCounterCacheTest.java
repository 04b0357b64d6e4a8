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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

    /** A BOUYGUES_FR subscriber with {@code count} sent SMS rated, 6 hours apart from 1 November, in batches of 25. */
    private Traffic subscriberWith(String msisdn, int count) {
        Traffic t = Traffic.of(msisdn, "BOUYGUES_FR");
        List<ChargingEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(t.sentSms(NOV_1.plus(Duration.ofHours(6L * i)), 1));
        }
        for (int from = 0; from < count; from += 25) {
            rating.rate(events.subList(from, Math.min(count, from + 25)));
        }
        return t;
    }

    /** Rates one more sent SMS at {@code at}; checks its rule and the bundle counter the table holds after it. */
    private RatedRecord next(String msisdn, Traffic t, String at, String rule, long usedAfter) {
        ChargingEvent e = t.sentSms(Instant.parse(at), 1);
        rating.rate(List.of(e));
        RatedRecord r = bills.records(msisdn, "2026-11", false).stream().filter(x -> x.eventId().equals(e.eventId())).findFirst().orElseThrow();
        assertThat(r.rule()).isEqualTo(rule);
        assertThat(used(msisdn)).isEqualTo(usedAfter);
        return r;
    }

    private long used(String msisdn) {
        return jdbc.queryForObject("select used from billing.usage_counter where msisdn = ? and period = '2026-11'", Long.class, msisdn);
    }

    /**
     * The counter changes between two batches: the billing team gives 10 SMS of the bundle back, or removes the
     * month's counter, or another billing node rated 40 more of the subscriber's SMS (say, after a partition moved).
     * The next SMS, on the day of the last batch (so the counters kept from it cover it), counts on from the table.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "100 | update billing.usage_counter set used = 90 where msisdn = ? | 2026-11-25T20:00:00Z | SMS_BUNDLE 91/100 | 91",
            "100 | delete from billing.usage_counter where msisdn = ?           | 2026-11-25T20:00:00Z | SMS_BUNDLE 1/100  | 1",
            "10  | update billing.usage_counter set used = 50 where msisdn = ? | 2026-11-03T20:00:00Z | SMS_BUNDLE 51/100 | 51"})
    void a_counter_changed_between_batches_is_counted_on_from_the_table(int sent, String change, String at, String rule, long used) {
        String msisdn = msisdn();
        Traffic t = subscriberWith(msisdn, sent);
        jdbc.update(change, msisdn);

        RatedRecord r = next(msisdn, t, at, rule, used);
        assertThat(r.amount()).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void a_rerating_that_moves_events_off_the_bundle_gives_the_units_back_to_the_next_event() {
        String msisdn = msisdn();
        Traffic t = subscriberWith(msisdn, 100);
        next(msisdn, t, "2026-11-27T10:00:00Z", "SMS_BUNDLE overage 1x0.15", 100);

        // the subscriber was on VODAFONE_UK until 13 November: the 48 SMS before it leave the bundle
        accounts.assign(msisdn, "VODAFONE_UK", NOV_1);
        accounts.assign(msisdn, "BOUYGUES_FR", Instant.parse("2026-11-13T00:00:00Z"));
        rerating.rerate("2026-11", msisdn);
        assertThat(used(msisdn)).isEqualTo(53);

        next(msisdn, t, "2026-11-27T12:00:00Z", "SMS_BUNDLE 54/100", 54);
    }
}
