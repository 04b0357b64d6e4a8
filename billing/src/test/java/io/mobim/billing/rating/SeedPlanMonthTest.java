package io.mobim.billing.rating;

import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.billing.Traffic;
import io.mobim.billing.plan.PlanDefinitions;
import io.mobim.billing.plan.TariffCatalog;
import io.mobim.billing.plan.TariffComponent;
import io.mobim.billing.plan.TariffPlanVersion;
import io.mobim.events.charging.Channel;
import io.mobim.events.charging.ChargingEvent;
import io.mobim.events.charging.Direction;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A month of traffic (November 2026, 30 days) per seed plan, rated one event at a time in arrival order, with
 * the bill a billing team would check to the cent. The clock moves day by day as in Kill Bill's scenario tests.
 */
class SeedPlanMonthTest {

    private static final Instant NOV_1 = Instant.parse("2026-11-01T00:00:00Z");
    private final TariffCatalog catalog = new TariffCatalog(PlanDefinitions.seeds());
    private final RatingEngine engine = new RatingEngine(ZoneId.of("UTC"));
    private UsageCounters counters;
    private List<Rating> ratings;

    @BeforeEach
    void fresh() {
        counters = new UsageCounters();
        ratings = new ArrayList<>();
    }

    private Rating rate(ChargingEvent event) {
        TariffPlanVersion plan = catalog.inForce(event.tariffPlan(), event.eventTime()).orElseThrow();
        Rating r = engine.rate(event, plan, counters);
        ratings.add(r);
        return r;
    }

    private BigDecimal total() {
        return ratings.stream().map(Rating::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private BigDecimal passThrough() {
        return ratings.stream().map(Rating::passThroughAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static Instant day(int dayOfMonth, int hour) {
        return NOV_1.plus(Duration.ofDays(dayOfMonth - 1)).plus(Duration.ofHours(hour));
    }

    @Test
    void vodafone_uk_charges_every_message_sent_and_received_and_no_service_message() {
        Traffic t = Traffic.of("+447700900001", "VODAFONE_UK");
        for (int d = 1; d <= 30; d++) {
            for (int i = 0; i < 3; i++) {
                assertThat(rate(t.sentSms(day(d, 9 + i), 1)).amount()).isEqualByComparingTo("0.12");
            }
            rate(t.receivedClient(day(d, 13)));
            rate(t.receivedSms(day(d, 14)));
            Rating help = rate(t.serviceSms(day(d, 15)));
            assertThat(help.amount()).isEqualTo(new BigDecimal("0.00"));
            assertThat(help.rule()).isEqualTo("SERVICE_MESSAGE");
        }
        assertThat(ratings).hasSize(180);
        assertThat(total()).isEqualTo(new BigDecimal("18.00"));  // 150 messages x 0.12 GBP
        assertThat(ratings).allMatch(r -> r.currency().equals(Currency.getInstance("GBP")) && r.period().equals("2026-11"));
    }

    @Test
    void orange_uk_charges_received_messages_and_passes_the_sms_price_through_per_segment() {
        Traffic t = Traffic.of("+447700900002", "ORANGE_UK");
        for (int d = 1; d <= 30; d++) {
            rate(t.sentSms(day(d, 8), 1));
            rate(t.sentSms(day(d, 9), 1));
            Rating twoSegments = rate(t.sentSms(day(d, 10), 2));
            assertThat(twoSegments.amount()).isEqualTo(new BigDecimal("0.20"));
            assertThat(twoSegments.passThroughAmount()).isEqualTo(new BigDecimal("0.20"));
            assertThat(twoSegments.rule()).isEqualTo("SMS_PRICE 2x0.10");
            rate(t.sentSms(day(d, 11), 2));
            for (int i = 0; i < 3; i++) {
                assertThat(rate(t.receivedSms(day(d, 12 + i))).amount()).isEqualTo(new BigDecimal("0.10"));
            }
            Rating clientSent = rate(t.sentClient(day(d, 16)));
            assertThat(clientSent.rule()).isEqualTo("NO_CHARGE");   // no SMS was sent: nothing passes through
        }
        assertThat(total()).isEqualTo(new BigDecimal("27.00"));       // 30 x (0.60 SMS price + 0.30 received)
        assertThat(passThrough()).isEqualTo(new BigDecimal("18.00"));
    }

    @Test
    void orange_fr_chat_charges_sent_messages_on_top_of_the_sms_price_and_received_ones_free() {
        Traffic t = Traffic.of("+33612345678", "ORANGE_FR_CHAT");
        for (int d = 1; d <= 30; d++) {
            for (int i = 0; i < 5; i++) {
                Rating sent = rate(t.sentSms(day(d, 8 + i), 1));
                assertThat(sent.amount()).isEqualTo(new BigDecimal("0.20"));
                assertThat(sent.rule()).isEqualTo("IM_SENT 1x0.05 + SMS_PRICE 1x0.15");
            }
            for (int i = 0; i < 10; i++) {
                assertThat(rate(t.receivedSms(day(d, 13))).amount()).isEqualTo(new BigDecimal("0.00"));
            }
        }
        assertThat(total()).isEqualTo(new BigDecimal("30.00"));       // 150 sent x (0.05 + 0.15 EUR)
        assertThat(passThrough()).isEqualTo(new BigDecimal("22.50"));
        assertThat(ratings).allMatch(r -> r.currency().getCurrencyCode().equals("EUR"));
    }

    @Test
    void bouygues_fr_takes_sent_messages_from_the_bundle_until_it_is_used_up_then_charges_0_15() {
        Traffic t = Traffic.of("+33698765432", "BOUYGUES_FR");
        for (int d = 1; d <= 30; d++) {
            for (int i = 0; i < 4; i++) {
                Rating r = rate(t.sentSms(day(d, 8 + i), 1));
                int nth = (d - 1) * 4 + i + 1;
                if (nth == 100) {
                    assertThat(r.amount()).isEqualTo(new BigDecimal("0.00"));
                    assertThat(r.allowanceUnits()).isEqualTo(1);
                    assertThat(r.rule()).isEqualTo("SMS_BUNDLE 100/100");
                }
                if (nth == 101) {                                      // day 26: the allowance is crossed
                    assertThat(r.amount()).isEqualTo(new BigDecimal("0.15"));
                    assertThat(r.allowanceUnits()).isZero();
                    assertThat(r.rule()).isEqualTo("SMS_BUNDLE overage 1x0.15");
                }
            }
            rate(t.receivedSms(day(d, 20)));
        }
        assertThat(total()).isEqualTo(new BigDecimal("3.00"));        // 120 sent, 100 in the bundle, 20 x 0.15 EUR
        assertThat(ratings.stream().mapToLong(Rating::allowanceUnits).sum()).isEqualTo(100);

        Rating december = rate(t.sentSms(Instant.parse("2026-12-01T00:00:00Z"), 1));
        assertThat(december.period()).isEqualTo("2026-12");
        assertThat(december.rule()).isEqualTo("SMS_BUNDLE 1/100");     // a new month, a new bundle
    }

    @Test
    void o2_de_charges_the_daily_fee_once_per_day_of_use_and_data_per_started_10_kb() {
        Traffic t = Traffic.of("+4915112345678", "O2_DE");
        for (int d = 1; d <= 30; d++) {
            if (d % 3 == 0) {
                continue;                                              // 10 days without use
            }
            assertThat(rate(t.dailyAccess(day(d, 7))).amount()).isEqualTo(new BigDecimal("0.09"));
            Rating again = rate(t.dailyAccess(day(d, 19)));           // a second node also saw the day
            assertThat(again.amount()).isEqualTo(new BigDecimal("0.00"));
            assertThat(again.rule()).startsWith("DAY_OF_USE already charged");
            assertThat(rate(t.session(day(d, 8), 25_000)).amount()).isEqualTo(new BigDecimal("0.15")); // 3 blocks
            rate(t.receivedClient(day(d, 9)));                         // messages are in the daily fee
        }
        assertThat(total()).isEqualTo(new BigDecimal("4.80"));        // 20 days x (0.09 + 0.15)
    }

    @Test
    void data_blocks_are_rounded_up_per_session() {
        Traffic t = Traffic.of("+4915112345678", "O2_DE");
        assertThat(rate(t.session(day(1, 8), 0)).chargedUnits()).isZero();
        assertThat(rate(t.session(day(1, 8), 1)).amount()).isEqualTo(new BigDecimal("0.05"));
        assertThat(rate(t.session(day(1, 8), 10_240)).amount()).isEqualTo(new BigDecimal("0.05"));
        Rating justOver = rate(t.session(day(1, 8), 10_241));
        assertThat(justOver.chargedUnits()).isEqualTo(2);
        assertThat(justOver.amount()).isEqualTo(new BigDecimal("0.10"));
        assertThat(justOver.rule()).isEqualTo("DATA_10KB 2x0.05 (10241 B)");
    }

    @Test
    void the_plan_rounding_mode_and_decimals_apply_once_per_record() {
        for (var expected : List.of(
                new Object[] {RoundingMode.HALF_UP, "0.13"}, new Object[] {RoundingMode.HALF_EVEN, "0.12"},
                new Object[] {RoundingMode.DOWN, "0.12"}, new Object[] {RoundingMode.UP, "0.13"})) {
            TariffPlanVersion plan = new TariffPlanVersion("EIGHTH", 1, "1/8", NOV_1, Currency.getInstance("GBP"),
                    (RoundingMode) expected[0], 2, List.of(
                    TariffComponent.perEvent("IM", "0.125", Set.of(Direction.SENT), Set.of(Channel.SMS))));
            Rating r = engine.rate(Traffic.of("+447700900003", "EIGHTH").sentSms(day(2, 0), 1), plan, new UsageCounters());
            assertThat(r.amount()).as("%s", expected[0]).isEqualTo(new BigDecimal((String) expected[1]));
        }
        TariffPlanVersion milli = new TariffPlanVersion("MILLI", 1, "3 decimals", NOV_1, Currency.getInstance("EUR"),
                RoundingMode.HALF_UP, 3, List.of(TariffComponent.perEvent("IM", "0.0125", Set.of(Direction.SENT), Set.of(Channel.SMS))));
        assertThat(engine.rate(Traffic.of("+447700900003", "MILLI").sentSms(day(2, 0), 1), milli, new UsageCounters()).amount())
                .isEqualTo(new BigDecimal("0.013"));
    }

    @Test
    void late_events_rate_into_their_own_business_period_in_the_business_time_zone() {
        RatingEngine paris = new RatingEngine(ZoneId.of("Europe/Paris"));
        Traffic t = Traffic.of("+33612345678", "ORANGE_FR_CHAT");
        TariffPlanVersion plan = catalog.inForce("ORANGE_FR_CHAT", NOV_1).orElseThrow();
        Rating late = paris.rate(t.sentSms(Instant.parse("2026-10-31T22:30:00Z"), 1), plan, counters);
        assertThat(late.businessDay()).hasToString("2026-10-31");
        assertThat(late.period()).isEqualTo("2026-10");
        Rating newYearsEve = paris.rate(t.sentSms(Instant.parse("2026-12-31T23:30:00Z"), 1), plan, counters);
        assertThat(newYearsEve.period()).isEqualTo("2027-01");           // 00:30 in Paris
    }
}
