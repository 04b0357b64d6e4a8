package io.mobim.billing.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.billing.Traffic;
import io.mobim.billing.account.AccountService;
import io.mobim.billing.rating.RatingService;
import io.mobim.billing.records.BillService;
import io.mobim.billing.records.RatedRecord;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rating keeps the plan rows it read between batches: a change of a subscriber's plan, through the API or by hand in
 * the table, is still used by the very next batch.
 */
class AccountChangeRatingTest extends BillingDatabaseTest {

    private static final Instant AT = Instant.parse("2026-11-05T10:00:00Z");

    @Autowired RatingService rating;
    @Autowired AccountService accounts;
    @Autowired BillService bills;
    @Autowired JdbcTemplate jdbc;

    @Test
    void the_next_batch_rates_with_the_plan_the_billing_team_just_set() {
        String msisdn = "+447722" + (100_000 + ThreadLocalRandom.current().nextInt(899_999));
        Traffic traffic = Traffic.of(msisdn, "VODAFONE_UK");
        rating.rate(List.of(traffic.receivedSms(AT)));                      // learns the account from the event
        rating.rate(List.of(traffic.receivedSms(AT.plusSeconds(60))));      // reads it back (and keeps it)

        accounts.assign(msisdn, "ORANGE_UK", AT.plusSeconds(600));
        rating.rate(List.of(traffic.receivedSms(AT.plusSeconds(1200))));

        // by hand in the table: delete, insert, update
        jdbc.update("delete from billing.account where msisdn = ? and source = 'API'", msisdn);
        rating.rate(List.of(traffic.receivedSms(AT.plus(Duration.ofHours(1)))));
        jdbc.update("insert into billing.account (msisdn, valid_from, plan_id, source) values (?, ?, 'ORANGE_UK', 'API')",
                msisdn, java.sql.Timestamp.from(AT.plus(Duration.ofHours(2))));
        rating.rate(List.of(traffic.receivedSms(AT.plus(Duration.ofHours(3)))));
        jdbc.update("update billing.account set plan_id = 'VODAFONE_UK' where msisdn = ? and source = 'API'", msisdn);
        rating.rate(List.of(traffic.receivedSms(AT.plus(Duration.ofHours(4)))));

        assertThat(bills.records(msisdn, "2026-11", false)).extracting(RatedRecord::planId, RatedRecord::amount).containsExactly(
                Tuple.tuple("VODAFONE_UK", new BigDecimal("0.12")),
                Tuple.tuple("VODAFONE_UK", new BigDecimal("0.12")),
                Tuple.tuple("ORANGE_UK", new BigDecimal("0.10")),
                Tuple.tuple("VODAFONE_UK", new BigDecimal("0.12")),
                Tuple.tuple("ORANGE_UK", new BigDecimal("0.10")),
                Tuple.tuple("VODAFONE_UK", new BigDecimal("0.12")));
    }
}
