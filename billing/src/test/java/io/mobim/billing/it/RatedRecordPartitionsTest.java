package io.mobim.billing.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.billing.Traffic;
import io.mobim.billing.rating.RatingOutcome;
import io.mobim.billing.rating.RatingService;
import io.mobim.billing.records.BillService;
import io.mobim.billing.records.RatedRecordPartitions;
import io.mobim.events.charging.ChargingEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rated records' monthly partitions: a month gets its partition before its first record is written, in the
 * business zone's calendar; records that reached the default partition move into their month's partition when it is
 * created; either way the bill reads them and a replay is still rated nowhere a second time.
 */
class RatedRecordPartitionsTest extends BillingDatabaseTest {

    @Autowired RatingService rating;
    @Autowired RatedRecordPartitions partitions;
    @Autowired BillService bills;
    @Autowired JdbcTemplate jdbc;
    @Autowired PlatformTransactionManager tm;

    private static String newMsisdn() {
        return "+447702" + (100_000 + ThreadLocalRandom.current().nextInt(899_999));
    }

    private static List<ChargingEvent> sms(String msisdn, Instant from, int n) {
        Traffic t = Traffic.of(msisdn, "VODAFONE_UK");
        List<ChargingEvent> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            events.add(t.sentSms(from.plus(Duration.ofMinutes(i)), 1));
        }
        return events;
    }

    private boolean exists(String table) {
        return jdbc.queryForObject("select to_regclass(?) is not null", Boolean.class, "billing." + table);
    }

    private long rows(String table, String msisdn) {
        return jdbc.queryForObject("select count(*) from billing." + table + " where msisdn = ?", Long.class, msisdn);
    }

    @Test
    void this_month_and_the_next_two_have_their_partitions_from_the_start() {
        YearMonth now = YearMonth.now(ZoneId.of("Europe/London"));
        for (int i = 0; i <= 2; i++) {
            assertThat(exists("rated_record_" + now.plusMonths(i).toString().replace('-', '_'))).isTrue();
        }
        assertThat(exists("rated_record_default")).isTrue();
    }

    @Test
    void a_month_without_a_partition_gets_one_before_its_first_record_is_written() {
        assertThat(exists("rated_record_2031_05")).isFalse();
        assertThat(exists("rated_record_2031_06")).isFalse();
        String msisdn = newMsisdn();
        List<ChargingEvent> events = sms(msisdn, Instant.parse("2031-05-14T10:00:00Z"), 10);
        // 23:30 UTC on 31 May is 00:30 on 1 June in London: the June period, so the June partition
        events.add(Traffic.of(msisdn, "VODAFONE_UK").sentSms(Instant.parse("2031-05-31T23:30:00Z"), 1));

        assertThat(rating.rate(events)).isEqualTo(new RatingOutcome(11, 0, 0));

        assertThat(rows("rated_record_2031_05", msisdn)).isEqualTo(10);
        assertThat(rows("rated_record_2031_06", msisdn)).isEqualTo(1);
        assertThat(rows("rated_record_default", msisdn)).isZero();
        assertThat(bills.bill(msisdn, "2031-05").totals()).singleElement().satisfies(t -> {
            assertThat(t.records()).isEqualTo(10);
            assertThat(t.amount()).isEqualTo(new BigDecimal("1.20"));
        });
        assertThat(bills.records(msisdn, "2031-06", false)).hasSize(1);
        assertThat(rating.rate(events)).isEqualTo(new RatingOutcome(0, 0, 11));
    }

    @Test
    void records_written_to_a_month_without_a_partition_move_into_it_when_it_is_created() {
        assertThat(exists("rated_record_2032_01")).isFalse();
        String msisdn = newMsisdn();
        List<ChargingEvent> events = sms(msisdn, Instant.parse("2032-01-20T09:00:00Z"), 12);
        // inside a caller's transaction rating creates no partition: the default partition takes the records
        new TransactionTemplate(tm).executeWithoutResult(s -> assertThat(rating.rate(events)).isEqualTo(new RatingOutcome(12, 0, 0)));
        assertThat(rows("rated_record_default", msisdn)).isEqualTo(12);
        assertThat(bills.records(msisdn, "2032-01", false)).hasSize(12);

        partitions.ensure(YearMonth.of(2032, 1));

        assertThat(rows("rated_record_2032_01", msisdn)).isEqualTo(12);
        assertThat(rows("rated_record_default", msisdn)).isZero();
        assertThat(bills.bill(msisdn, "2032-01").totals()).singleElement().satisfies(t -> {
            assertThat(t.records()).isEqualTo(12);
            assertThat(t.amount()).isEqualTo(new BigDecimal("1.44"));
        });
        // the moved records' primary key still stops a replay, whichever way it comes
        assertThat(rating.rate(events)).isEqualTo(new RatingOutcome(0, 0, 12));
        new TransactionTemplate(tm).executeWithoutResult(s -> assertThat(rating.rate(events)).isEqualTo(new RatingOutcome(0, 0, 12)));
        assertThat(jdbc.queryForObject("select count(*) from billing.rated_record where msisdn = ?", Long.class, msisdn)).isEqualTo(12);
    }
}
