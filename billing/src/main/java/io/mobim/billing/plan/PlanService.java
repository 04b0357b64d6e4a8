package io.mobim.billing.plan;

import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The tariff catalogue: plan versions stored in {@code billing}, seeded with the shipped plans on first use
 * (idempotently: an existing (plan, version) is never overwritten), cached as an immutable
 * {@link TariffCatalog} and refreshed when a version is added.
 */
public class PlanService {

    private static final Logger log = LoggerFactory.getLogger(PlanService.class);

    private final PlanStore store;
    private final TransactionTemplate tx;
    private final List<TariffPlanVersion> seeds;
    private final long refreshNanos;
    private volatile TariffCatalog catalog;
    private volatile long loadedAt;

    /**
     * @param refresh how long a loaded catalogue is used before it is read again (versions added through another
     *                billing node become visible after at most this long)
     */
    public PlanService(PlanStore store, TransactionTemplate tx, List<TariffPlanVersion> seeds, java.time.Duration refresh) {
        this.store = store;
        this.tx = tx;
        this.seeds = List.copyOf(seeds);
        this.refreshNanos = refresh.toNanos();
    }

    /** The current catalogue; the first call seeds and loads it, later calls reload it once it is older than the refresh interval. */
    public TariffCatalog catalog() {
        TariffCatalog c = catalog;
        if (c != null && System.nanoTime() - loadedAt > refreshNanos) {
            refresh();
            c = catalog;
        }
        if (c == null) {
            synchronized (this) {
                if (catalog == null) {
                    // a transaction of its own: the first call may come inside a rating transaction, whose
                    // rollback (a replayed batch, a lost race) must not take the shipped plans out of the table
                    // while the catalogue in memory keeps them until its next refresh
                    TransactionTemplate seeding = new TransactionTemplate(tx.getTransactionManager());
                    seeding.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
                    seeding.executeWithoutResult(s -> {
                        long added = seeds.stream().filter(store::insertIfAbsent).count();
                        if (added > 0) {
                            log.info("seeded {} tariff plan versions", added);
                        }
                    });
                    refresh();
                }
                c = catalog;
            }
        }
        return c;
    }

    /**
     * Adds a version: it must be the next number of its plan (1 for a new plan). A correction of a version is a new
     * version with the same activation; re-rating the affected periods applies it.
     */
    public synchronized TariffPlanVersion addVersion(TariffPlanVersion version) {
        Objects.requireNonNull(version, "version");
        List<TariffPlanVersion> existing = catalog().versions(version.planId());
        int next = existing.stream().mapToInt(TariffPlanVersion::version).max().orElse(0) + 1;
        if (version.version() != next) {
            throw new IllegalArgumentException("the next version of " + version.planId() + " is " + next + ", not " + version.version());
        }
        Boolean inserted = tx.execute(s -> store.insertIfAbsent(version));
        if (!Boolean.TRUE.equals(inserted)) {
            throw new IllegalStateException(version.label() + " was added concurrently");
        }
        refresh();
        log.info("tariff plan {} active from {} added", version.label(), version.activeFrom());
        return version;
    }

    /** Reloads from the database (another node added a version). */
    public void refresh() {
        catalog = new TariffCatalog(store.loadAll());
        loadedAt = System.nanoTime();
    }
}
