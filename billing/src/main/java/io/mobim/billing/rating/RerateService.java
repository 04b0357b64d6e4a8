package io.mobim.billing.rating;

import io.mobim.billing.account.AccountDirectory;
import io.mobim.billing.account.AccountEntry;
import io.mobim.billing.plan.PlanService;
import io.mobim.billing.plan.TariffCatalog;
import io.mobim.billing.records.RatedRecord;
import io.mobim.billing.records.RatedRecordStore;
import io.mobim.events.charging.ChargingEvent;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-rates a billing period after a plan or account correction: each subscriber's current records of the
 * period are rated again from scratch, in event order (so allowances and daily fees are counted as if the
 * events had arrived in order, which also settles late arrivals). A record whose price changed gets a new
 * version (reason RERATED) and the old version stays, no longer current. One transaction per subscriber; a race
 * with the consumer on the same subscriber (same counters or records) rolls it back and it runs again.
 */
public class RerateService {

    private static final Logger log = LoggerFactory.getLogger(RerateService.class);
    private static final Pattern PERIOD = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

    /**
     * @param subscribers  subscribers whose records were examined
     * @param examined     current records examined
     * @param newVersions  records that got a new version
     * @param unresolvable records kept as they were because their plan cannot be resolved any more
     * @param delta        sum of (new amount - old amount) over the new versions, per currency
     */
    public record Result(int subscribers, int examined, int newVersions, int unresolvable, Map<String, BigDecimal> delta) {
    }

    private final TransactionTemplate tx;
    private final RatedRecordStore records;
    private final UsageCounterStore counters;
    private final AccountDirectory accounts;
    private final PlanService plans;
    private final RatingEngine engine;
    private final Clock clock;

    public RerateService(TransactionTemplate tx, RatedRecordStore records, UsageCounterStore counters,
            AccountDirectory accounts, PlanService plans, RatingEngine engine, Clock clock) {
        this.tx = tx;
        this.records = records;
        this.counters = counters;
        this.accounts = accounts;
        this.plans = plans;
        this.engine = engine;
        this.clock = clock;
    }

    /** Re-rates {@code period} (YYYY-MM) for one subscriber, or for every subscriber with records in it if null. */
    public Result rerate(String period, String msisdn) {
        if (period == null || !PERIOD.matcher(period).matches()) {
            throw new IllegalArgumentException("period must be YYYY-MM: " + period);
        }
        plans.refresh();
        List<String> subscribers = msisdn != null ? List.of(msisdn) : records.subscribersIn(period);
        int examined = 0;
        int changed = 0;
        int unresolvable = 0;
        Map<String, BigDecimal> delta = new java.util.TreeMap<>();
        for (String subscriber : subscribers) {
            int[] counts = RatingService.withRetry(() -> tx.execute(s -> rerateOne(period, subscriber, delta)));
            examined += counts[0];
            changed += counts[1];
            unresolvable += counts[2];
        }
        log.info("re-rated {}: {} subscribers, {} records, {} new versions, {} unresolvable, delta {}",
                period, subscribers.size(), examined, changed, unresolvable, delta);
        return new Result(subscribers.size(), examined, changed, unresolvable, delta);
    }

    private int[] rerateOne(String period, String msisdn, Map<String, BigDecimal> delta) {
        List<RatedRecord> current = records.current(msisdn, period);
        counters.clear(msisdn, period);
        UsageCounters usage = new UsageCounters();
        List<AccountEntry> rows = accounts.load(Set.of(msisdn)).getOrDefault(msisdn, List.of());
        TariffCatalog catalog = plans.catalog();
        Instant now = clock.instant();
        List<RatedRecord> superseded = new ArrayList<>();
        List<RatedRecord> successors = new ArrayList<>();
        int unresolvable = 0;
        for (RatedRecord old : current) {
            ChargingEvent event = old.toEvent();
            RatedRecord fresh;
            switch (PlanResolver.resolve(event, rows, catalog)) {
                case PlanResolution.Found found -> fresh = RatedRecord.of(event, engine.rate(event, found.plan(), usage),
                        old.version() + 1, RatedRecord.RatingReason.RERATED, now);
                case PlanResolution.Rejected no -> {
                    unresolvable++;
                    continue;
                }
            }
            if (!fresh.pricedAs(old)) {
                superseded.add(old);
                successors.add(fresh);
                delta.merge(fresh.currency(), fresh.amount().subtract(old.amount()), BigDecimal::add);
            }
        }
        if (records.supersede(superseded) != superseded.size()) {
            throw new ConcurrentRatingException("records of " + period + " re-rated concurrently");
        }
        records.insert(successors);
        // counters hold what the re-rated month consumed; records that were not re-rated keep their counts out
        counters.save(usage);
        return new int[] {current.size(), successors.size(), unresolvable};
    }
}
