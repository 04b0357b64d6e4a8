package io.mobim.billing.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mobim.billing.Traffic;
import io.mobim.billing.rating.ConcurrentRatingException;
import io.mobim.billing.rating.RatingService;
import io.mobim.billing.rating.UsageCounterStore;
import io.mobim.billing.rating.UsageCounters;
import io.mobim.billing.records.BillService;
import io.mobim.events.charging.ChargingEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** No locks while rating: a counter moved by someone else fails the write, and racing deliveries still rate once. */
class ConcurrentRatingTest extends BillingDatabaseTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired RatingService rating;
    @Autowired BillService bills;

    @Test
    void a_counter_changed_since_it_was_read_is_not_overwritten() {
        String msisdn = "+33655" + (100_000 + ThreadLocalRandom.current().nextInt(899_999));
        UsageCounterStore store = new UsageCounterStore(jdbc);
        UsageCounters.Key bundle = new UsageCounters.Key(msisdn, "ALLOWANCE:SMS_BUNDLE", "2026-11");
        jdbc.update("insert into billing.usage_counter values (?, ?, ?, 5)", msisdn, bundle.counter(), bundle.period());

        UsageCounters mine = store.load(Set.of(msisdn), Set.of("2026-11"));
        assertThat(mine.get(bundle)).isEqualTo(5);
        mine.set(bundle, 6);
        jdbc.update("update billing.usage_counter set used = 6 where msisdn = ?", msisdn);   // another rating won
        assertThatThrownBy(() -> store.save(mine)).isInstanceOf(ConcurrentRatingException.class);

        UsageCounters fresh = new UsageCounters();
        fresh.set(bundle, 1);                     // "no row when read", but there is one now
        assertThatThrownBy(() -> store.save(fresh)).isInstanceOf(ConcurrentRatingException.class);
        assertThat(jdbc.queryForObject("select used from billing.usage_counter where msisdn = ?", Long.class, msisdn)).isEqualTo(6L);
    }

    @Test
    void two_consumers_delivering_the_same_month_at_once_rate_it_once() throws Exception {
        String msisdn = "+33655" + (100_000 + ThreadLocalRandom.current().nextInt(899_999));
        Traffic t = Traffic.of(msisdn, "BOUYGUES_FR");
        List<ChargingEvent> month = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            month.add(t.sentSms(Instant.parse("2026-11-01T08:00:00Z").plus(Duration.ofHours(5L * i)), 1));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int consumer = 0; consumer < 2; consumer++) {
                runs.add(pool.submit(() -> {
                    for (int from = 0; from < month.size(); from += 30) {
                        rating.rate(month.subList(from, from + 30));
                    }
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(bills.records(msisdn, "2026-11", false)).hasSize(120);
        assertThat(bills.bill(msisdn, "2026-11").totals().get(0).amount()).isEqualTo(new BigDecimal("3.00"));
    }
}
