package io.mobim.billing.records;

import io.mobim.events.charging.ChargingEvent;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The monthly partitions of {@code billing.rated_record} (Flyway V8): one per billing period, named
 * {@code rated_record_YYYY_MM}, plus a default partition that takes the rows of a month with none. Created ahead of
 * time ({@link #ensureAhead()}: this month and {@code monthsAhead} more) and on demand before a batch writes a month
 * not yet seen ({@link #ensureFor}), each through {@code billing.create_rated_record_partition}, in a transaction of
 * its own (it takes a short exclusive lock on the table, which a rating transaction reading it would otherwise
 * wait on forever). Months known to have a partition are remembered, so a batch normally costs one comparison per
 * event and no statement.
 */
public class RatedRecordPartitions implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RatedRecordPartitions.class);
    private static final Pattern NAME = Pattern.compile("rated_record_(\\d{4})_(\\d{2})");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ZoneId businessZone;
    private final int monthsAhead;
    private final Clock clock;
    private final Set<YearMonth> known = ConcurrentHashMap.newKeySet();
    /** The instants of the last month found to have a partition: most events of a batch fall in it. */
    private volatile Span last = new Span(Instant.MAX, Instant.MIN);
    private ScheduledExecutorService ahead;

    private record Span(Instant from, Instant until) {
        boolean holds(Instant t) {
            return !t.isBefore(from) && t.isBefore(until);
        }
    }

    /** A partition is created in a transaction of its own (REQUIRES_NEW), even if the caller has one. */
    public RatedRecordPartitions(JdbcTemplate jdbc, PlatformTransactionManager transactions, ZoneId businessZone, int monthsAhead,
            Clock clock) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.businessZone = businessZone;
        this.monthsAhead = monthsAhead;
        this.clock = clock;
    }

    /** Checks the partitions ahead now (before the listeners start) and then every hour. */
    @Override
    public synchronized void start() {
        if (ahead != null) {
            return;
        }
        tryEnsureAhead();
        ahead = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "billing-partitions");
            t.setDaemon(true);
            return t;
        });
        ahead.scheduleWithFixedDelay(this::tryEnsureAhead, 1, 1, TimeUnit.HOURS);
    }

    private void tryEnsureAhead() {
        try {
            ensureAhead();
        } catch (RuntimeException e) {
            // rating creates what it needs on demand, and the default partition takes anything else
            log.warn("could not create the rated records' partitions ahead: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (ahead != null) {
            ahead.shutdownNow();
            ahead = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return ahead != null;
    }

    /** Before the Kafka listener containers (which start in the default phase, the last). */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE / 2;
    }

    /** Creates the partitions of this month (in the business zone) and the {@code monthsAhead} next ones if absent. */
    public void ensureAhead() {
        if (known.isEmpty()) {
            jdbc.queryForList("select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                    + "where n.nspname = 'billing' and c.relispartition and c.relname like 'rated\\_record\\_%'", String.class)
                    .forEach(name -> {
                        Matcher m = NAME.matcher(name);
                        if (m.matches()) {
                            known.add(YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
                        }
                    });
        }
        YearMonth now = YearMonth.from(clock.instant().atZone(businessZone));
        for (int i = 0; i <= monthsAhead; i++) {
            ensure(now.plusMonths(i));
        }
    }

    /** Makes sure every month these events rate into has its partition, before they are written. */
    public void ensureFor(Collection<ChargingEvent> events) {
        Span span = last;
        for (ChargingEvent e : events) {
            Instant t = e.eventTime();
            if (!span.holds(t)) {
                YearMonth month = YearMonth.from(t.atZone(businessZone));
                ensure(month);
                span = new Span(month.atDay(1).atStartOfDay(businessZone).toInstant(),
                        month.plusMonths(1).atDay(1).atStartOfDay(businessZone).toInstant());
                last = span;
            }
        }
    }

    /** Creates the partition of {@code month} if this instance has not seen it exist. */
    public void ensure(YearMonth month) {
        if (known.contains(month)) {
            return;
        }
        Boolean created = tx.execute(s -> jdbc.queryForObject("select billing.create_rated_record_partition(?)",
                Boolean.class, Date.valueOf(month.atDay(1))));
        if (Boolean.TRUE.equals(created)) {
            log.info("created partition billing.rated_record_{} for the rated records of {}", month.toString().replace('-', '_'), month);
        }
        known.add(month);
    }
}
