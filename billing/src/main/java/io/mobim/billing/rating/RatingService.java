package io.mobim.billing.rating;

import io.mobim.billing.BillingMetrics;
import io.mobim.billing.account.AccountDirectory;
import io.mobim.billing.account.AccountEntry;
import io.mobim.billing.plan.PlanService;
import io.mobim.billing.plan.TariffCatalog;
import io.mobim.billing.records.RatedRecord;
import io.mobim.billing.records.RatedRecordPartitions;
import io.mobim.billing.records.RatedRecordStore;
import io.mobim.events.charging.ChargingEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rates a batch of charging events in one database transaction: exactly one rated record or one rejected record
 * per event id, however often the batch is replayed.
 *
 * <p>Exactly once: event ids already rated or rejected are skipped, the rest are rated in arrival order (Kafka keeps
 * one subscriber's events in order) and inserted together with the allowance/daily-fee counters. Nothing is locked
 * while rating: if another transaction rated the same event (primary key {@code (event_id, version)}) or moved
 * one of the same counters (optimistic check), this one rolls back whole and is rated again, up to
 * {@value #ATTEMPTS} times, then the consumer's error handler retries it. Kafka offsets are committed only after
 * this transaction, so a crash in between replays the batch, which then skips everything.
 *
 * <p>A consumer batch is first rated on the assumption that none of its events has a rated record yet, which is
 * the normal case: the lookup of rated ids is skipped and the primary key is the check. If any of them was rated
 * before (a replay), the insert fails, the transaction rolls back whole, and the batch is rated again with the
 * lookup. Rejected ids are always looked up (rejections are not in the rated records' key).
 */
public class RatingService {

    private static final Logger log = LoggerFactory.getLogger(RatingService.class);
    static final int ATTEMPTS = 3;

    private final TransactionTemplate tx;
    private final RatedRecordStore records;
    private final RatedRecordPartitions partitions;
    private final RejectedEventStore rejections;
    private final UsageCounterStore counters;
    private final AccountDirectory accounts;
    private final PlanService plans;
    private final RatingEngine engine;
    private final BillingMetrics metrics;
    private final Clock clock;

    public RatingService(TransactionTemplate tx, RatedRecordStore records, RatedRecordPartitions partitions,
            RejectedEventStore rejections, UsageCounterStore counters, AccountDirectory accounts, PlanService plans,
            RatingEngine engine, BillingMetrics metrics, Clock clock) {
        this.tx = tx;
        this.records = records;
        this.partitions = partitions;
        this.rejections = rejections;
        this.counters = counters;
        this.accounts = accounts;
        this.plans = plans;
        this.engine = engine;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Rates events from the topic (one poll). Returns when the transaction has committed. */
    public RatingOutcome rate(List<ChargingEvent> events) {
        RatingOutcome outcome = metrics.batchTimer().record(() -> {
            if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                // before the transaction: creating a partition locks the table the rating transaction reads
                partitions.ensureFor(events);
                try {
                    return tx.execute(s -> rateInTransaction(events, false, true));
                } catch (ConcurrentRatingException | DuplicateKeyException replayOrRace) {
                    log.debug("batch has events rated before or concurrently ({}): rating it again with the lookup",
                            replayOrRace.getMessage());
                }
            }
            // inside a caller's transaction a failed statement would abort it: look the ids up from the start
            return withRetry(() -> tx.execute(s -> rateInTransaction(events, false, false)));
        });
        metrics.rated(outcome.rated());
        metrics.duplicates(outcome.duplicates());
        return outcome;
    }

    /**
     * Recycles open rejected events (optionally one subscriber's or one reason's), oldest first, after the billing
     * team fixed their cause. Those that now rate get records (reason RECYCLED); the others stay open with the new
     * reason and one more attempt.
     */
    public RatingOutcome recycle(String msisdn, RejectReason reason, int limit) {
        plans.refresh();
        return withRetry(() -> tx.execute(s -> {
            List<ChargingEvent> events = rejections.open(msisdn, reason, limit).stream().map(RejectedEvent::event).toList();
            RatingOutcome outcome = rateInTransaction(events, true, false);
            log.info("recycled {} rejected events: {} rated, {} still rejected", events.size(), outcome.rated(), outcome.rejected());
            return outcome;
        }));
    }

    /** Runs a rating transaction again when it lost a race (not when it joined a caller's transaction). */
    static <T> T withRetry(java.util.function.Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (ConcurrentRatingException | DuplicateKeyException e) {
                if (attempt >= ATTEMPTS || TransactionSynchronizationManager.isActualTransactionActive()) {
                    throw e instanceof ConcurrentRatingException c ? c : new ConcurrentRatingException(e.getMessage());
                }
                log.info("rating transaction lost a race ({}), attempt {} of {}", e.getMessage(), attempt + 1, ATTEMPTS);
            }
        }
    }

    /** The engine (its business time zone) this service rates with. */
    public RatingEngine engine() {
        return engine;
    }

    /**
     * @param assumeFresh skip the lookup of already rated ids: the records' primary key rejects a replayed one, which
     *                    rolls the whole transaction back ({@link DuplicateKeyException}) for the caller to run again
     *                    without this assumption
     */
    private RatingOutcome rateInTransaction(List<ChargingEvent> batch, boolean recycling, boolean assumeFresh) {
        if (batch.isEmpty()) {
            return new RatingOutcome(0, 0, 0);
        }
        Map<UUID, ChargingEvent> unique = new LinkedHashMap<>();
        batch.forEach(e -> unique.putIfAbsent(e.eventId(), e));
        Set<String> msisdns = new HashSet<>();
        unique.values().forEach(e -> msisdns.add(e.chargedMsisdn()));

        Set<UUID> known = new HashSet<>(assumeFresh ? Set.of()
                : records.existing(unique.keySet(), unique.values().stream().map(e -> engine.businessDay(e.eventTime())).toList()));
        if (!recycling) {
            known.addAll(rejections.existing(unique.keySet()));
        }
        List<ChargingEvent> fresh = unique.values().stream().filter(e -> !known.contains(e.eventId())).toList();
        int duplicates = batch.size() - fresh.size();

        Set<LocalDate> days = new HashSet<>();
        for (ChargingEvent e : fresh) {
            days.add(engine.businessDay(e.eventTime()));
        }
        Set<String> periods = new HashSet<>();
        for (LocalDate day : days) {
            periods.add(RatingEngine.period(day));
            periods.add(day.toString());
        }
        Map<String, List<AccountEntry>> accountRows = accounts.load(msisdns);
        UsageCounters usage = counters.load(msisdns, periods);
        TariffCatalog catalog = plans.catalog();
        Instant now = clock.instant();

        List<RatedRecord> rated = new ArrayList<>(fresh.size());
        List<RejectedEvent> rejected = new ArrayList<>();
        Map<String, AccountEntry> learned = new HashMap<>();
        RatedRecord.RatingReason why = recycling ? RatedRecord.RatingReason.RECYCLED : RatedRecord.RatingReason.RATED;
        for (ChargingEvent e : fresh) {
            List<AccountEntry> rows = accountRows.get(e.chargedMsisdn());
            if ((rows == null || rows.isEmpty()) && catalog.knows(e.tariffPlan())) {
                AccountEntry entry = new AccountEntry(e.chargedMsisdn(), e.eventTime(), e.tariffPlan(),
                        io.mobim.billing.account.Account.Source.EVENT);
                learned.put(e.chargedMsisdn(), entry);
                accountRows.put(e.chargedMsisdn(), List.of(entry));
            }
            switch (PlanResolver.resolve(e, rows, catalog)) {
                case PlanResolution.Found found -> rated.add(RatedRecord.of(e, engine.rate(e, found.plan(), usage), 1, why, now));
                case PlanResolution.Rejected no -> {
                    rejected.add(RejectedEvent.of(e, engine.businessDay(e.eventTime()), no, now));
                    metrics.rejected(no.code());
                }
            }
        }
        if (assumeFresh && !rejected.isEmpty() && !records.existing(rejected.stream().map(RejectedEvent::eventId).toList(),
                rejected.stream().map(RejectedEvent::businessDay).toList()).isEmpty()) {
            // a replayed event that rated before must not be rejected now: run again with the full lookup
            throw new DuplicateKeyException("rejected events of the batch were rated before");
        }
        records.insert(rated);
        counters.save(usage);
        accounts.learn(learned.values(), now);
        rejections.upsert(rejected);
        if (recycling) {
            rejections.markRecycled(rated.stream().map(RatedRecord::eventId).toList(), now);
        }
        if (!rejected.isEmpty()) {
            log.warn("{} of {} charging events rejected, first: {} ({})", rejected.size(), batch.size(),
                    rejected.get(0).reasonCode(), rejected.get(0).eventId());
        }
        return new RatingOutcome(rated.size(), rejected.size(), duplicates);
    }
}
