package io.mobim.billing.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mobim.billing.Traffic;
import io.mobim.billing.rating.RatingOutcome;
import io.mobim.billing.rating.RatingService;
import io.mobim.billing.records.Bill;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Exactly one rated record per event id, whatever the consumer replays: a crash before the offsets are committed
 * (the batch is delivered again) and a crash inside the rating transaction (nothing of it is kept) both end with the
 * records and totals of a run without crash, allowance counters included.
 */
class ExactlyOnceRatingTest extends BillingDatabaseTest {

    private static final Instant NOV_1 = Instant.parse("2026-11-01T08:00:00Z");

    @Autowired RatingService rating;
    @Autowired BillService bills;
    @Autowired JdbcTemplate jdbc;
    @Autowired PlatformTransactionManager tm;

    static String newMsisdn() {
        return "+3366" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
    }

    /** 120 messages sent over November by a Bouygues subscriber: 100 from the bundle, 20 at 0.15 EUR. */
    static List<ChargingEvent> bouyguesMonth(String msisdn) {
        Traffic t = new Traffic("im-" + msisdn.substring(6), 1, msisdn, "BOUYGUES_FR");
        List<ChargingEvent> events = new ArrayList<>();
        for (int d = 0; d < 30; d++) {
            for (int i = 0; i < 4; i++) {
                events.add(t.sentSms(NOV_1.plus(Duration.ofDays(d)).plus(Duration.ofMinutes(i)), 1));
            }
        }
        return events;
    }

    @Test
    void replaying_after_a_crash_gives_the_same_records_and_totals() {
        String control = newMsisdn();
        List<ChargingEvent> controlEvents = bouyguesMonth(control);
        assertThat(rating.rate(controlEvents)).isEqualTo(new RatingOutcome(120, 0, 0));

        String crashed = newMsisdn();
        List<ChargingEvent> events = bouyguesMonth(crashed);
        // poll 1 (events 0..49) commits in the database, then the consumer dies before committing offsets
        assertThat(rating.rate(events.subList(0, 50)).rated()).isEqualTo(50);
        // poll 2 (events 50..99) dies inside the rating transaction: nothing of it may remain
        TransactionTemplate outer = new TransactionTemplate(tm);
        assertThatThrownBy(() -> outer.executeWithoutResult(s -> {
            rating.rate(events.subList(50, 100));
            throw new IllegalStateException("consumer killed mid-transaction");
        })).hasMessage("consumer killed mid-transaction");
        assertThat(bills.records(crashed, "2026-11", false)).hasSize(50);
        // the restarted consumer gets everything again from the last committed offset, in other batch sizes
        int rated = 0;
        int duplicates = 0;
        for (int from = 0; from < events.size(); from += 40) {
            RatingOutcome o = rating.rate(events.subList(from, Math.min(from + 40, events.size())));
            rated += o.rated();
            duplicates += o.duplicates();
        }
        assertThat(rated).isEqualTo(70);
        assertThat(duplicates).isEqualTo(50);
        // and once more, the whole month at once
        assertThat(rating.rate(events)).isEqualTo(new RatingOutcome(0, 0, 120));

        List<RatedRecord> a = bills.records(control, "2026-11", false);
        List<RatedRecord> b = bills.records(crashed, "2026-11", false);
        assertThat(b).hasSize(120);
        for (int i = 0; i < 120; i++) {
            assertThat(b.get(i).amount()).isEqualTo(a.get(i).amount());
            assertThat(b.get(i).rule()).isEqualTo(a.get(i).rule());
            assertThat(b.get(i).allowanceUnits()).isEqualTo(a.get(i).allowanceUnits());
        }
        Bill bill = bills.bill(crashed, "2026-11");
        assertThat(bill.totals()).singleElement().satisfies(t -> {
            assertThat(t.currency()).isEqualTo("EUR");
            assertThat(t.records()).isEqualTo(120);
            assertThat(t.amount()).isEqualTo(new BigDecimal("3.00"));
        });
        assertThat(bill.totals()).isEqualTo(bills.bill(control, "2026-11").totals());
        assertThat(jdbc.queryForObject("select used from billing.usage_counter where msisdn = ? and period = '2026-11'",
                Long.class, crashed)).isEqualTo(100L);
        assertThat(jdbc.queryForObject("select count(*) from billing.rated_record where msisdn = ?", Long.class, crashed))
                .isEqualTo(120L);
    }

    @Test
    void the_same_event_twice_in_one_batch_is_rated_once() {
        String msisdn = "+447700" + (100_000 + ThreadLocalRandom.current().nextInt(899_999));
        ChargingEvent e = Traffic.of(msisdn, "VODAFONE_UK").sentSms(NOV_1, 1);
        assertThat(rating.rate(List.of(e, e))).isEqualTo(new RatingOutcome(1, 0, 1));
        assertThat(bills.bill(msisdn, "2026-11").totals().get(0).amount()).isEqualTo(new BigDecimal("0.12"));
    }

    @Test
    void duplicates_inside_a_poll_and_across_polls_are_rated_once_and_consume_the_allowance_once() {
        String msisdn = newMsisdn();
        List<ChargingEvent> month = bouyguesMonth(msisdn);                 // 100 from the bundle, then 20 at 0.15
        List<ChargingEvent> first = new ArrayList<>(month.subList(0, 60));
        first.addAll(month.subList(10, 15));                                // relayed twice within one poll
        assertThat(rating.rate(first)).isEqualTo(new RatingOutcome(60, 0, 5));
        List<ChargingEvent> second = new ArrayList<>(month.subList(40, 120)); // 20 already rated, 60 new, one poll
        second.add(month.get(100));
        assertThat(rating.rate(second)).isEqualTo(new RatingOutcome(60, 0, 21));

        assertThat(bills.records(msisdn, "2026-11", false)).hasSize(120);
        assertThat(bills.bill(msisdn, "2026-11").totals().get(0).amount()).isEqualTo(new BigDecimal("3.00"));
        assertThat(jdbc.queryForObject("select used from billing.usage_counter where msisdn = ? and period = '2026-11'",
                Long.class, msisdn)).isEqualTo(100L);
    }

    @Test
    void an_event_id_already_rated_is_not_rejected_when_it_comes_again() {
        String msisdn = "+447700" + (100_000 + ThreadLocalRandom.current().nextInt(899_999));
        ChargingEvent e = Traffic.of(msisdn, "VODAFONE_UK").sentSms(NOV_1, 1);
        assertThat(rating.rate(List.of(e))).isEqualTo(new RatingOutcome(1, 0, 0));
        // the same id again, for a subscriber billing knows nothing about: it would be rejected if it were new
        String unknown = "+447701" + (100_000 + ThreadLocalRandom.current().nextInt(899_999));
        ChargingEvent again = ChargingEvent.builder().eventId(e.eventId()).eventTime(e.eventTime()).origin(e.nodeId(), e.sequence())
                .kind(e.kind()).channel(e.channel()).charged(unknown, e.chargedRole()).messageId(e.messageId())
                .sms(e.smscReference(), 1).build();
        assertThat(rating.rate(List.of(again))).isEqualTo(new RatingOutcome(0, 0, 1));
        assertThat(jdbc.queryForObject("select count(*) from billing.rejected_event where event_id = ?", Long.class, e.eventId()))
                .isZero();
    }

    @Test
    void the_daily_fee_is_charged_once_per_day_across_batches_and_nodes() {
        String msisdn = "+49151" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
        Traffic node1 = new Traffic("im-a", 1, msisdn, "O2_DE");
        Traffic node2 = new Traffic("im-b", 1, msisdn, "O2_DE");
        rating.rate(List.of(node1.dailyAccess(NOV_1), node1.session(NOV_1.plusSeconds(60), 30_721)));
        rating.rate(List.of(node2.dailyAccess(NOV_1.plusSeconds(3600))));                 // same day, other node
        rating.rate(List.of(node2.dailyAccess(NOV_1.plus(Duration.ofDays(1)))));         // next day
        Bill bill = bills.bill(msisdn, "2026-11");
        assertThat(bill.totals().get(0).amount()).isEqualTo(new BigDecimal("0.38"));     // 2 x 0.09 + 4 blocks x 0.05
    }

    @Test
    void a_late_event_rates_into_its_own_period() {
        String msisdn = newMsisdn();
        Traffic t = Traffic.of(msisdn, "BOUYGUES_FR");
        rating.rate(bouyguesMonth(msisdn).subList(0, 100));                              // November bundle used up
        ChargingEvent lateOctober = t.sentSms(Instant.parse("2026-10-31T23:30:00Z"), 1);  // 23:30 in London: October
        rating.rate(List.of(lateOctober));
        List<RatedRecord> october = bills.records(msisdn, "2026-10", false);
        assertThat(october).singleElement().satisfies(r -> {
            assertThat(r.businessDay()).hasToString("2026-10-31");
            assertThat(r.rule()).isEqualTo("SMS_BUNDLE 1/100");                          // October's own bundle
            assertThat(r.amount()).isEqualTo(new BigDecimal("0.00"));
        });
    }
}
