package io.mobim.platform.console;

import io.mobim.billing.reconciliation.ReconciliationReport;
import io.mobim.billing.reconciliation.ReconciliationService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The daily reconciliations the console shows, computed in the background: a day's report reads every rated record of
 * the day (a million on a busy day, tens of seconds), far more than a page may take. Opening the page shows the last
 * report of the day with the time it was computed, and starts a new computation when there is none or it is older than
 * {@code mobim.console.reconciliation-max-age}; the page polls until the new one is there. One computation runs at a
 * time, in order, so that several operators opening several days do not load the database more than one report does.
 */
@Component
class ReconciliationRuns implements DisposableBean {

    /** Days whose last report is kept. */
    static final int DAYS_KEPT = 31;

    private static final Logger log = LoggerFactory.getLogger(ReconciliationRuns.class);

    /** What the page shows of a day: the last finished report (if any), and whether a newer one is being computed. */
    record View(LocalDate day, ReconciliationReport report, Instant computedAt, Duration took, String failure,
                boolean computing, Instant computingSince) {
    }

    private record Run(Instant started) {
    }

    private record Done(ReconciliationReport report, Instant computedAt, Duration took, String failure) {
    }

    private final ObjectProvider<ReconciliationService> reconciliation;
    private final ConsoleSettings settings;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "console-reconciliation");
        t.setDaemon(true);
        return t;
    });
    private final Map<LocalDate, Run> running = new ConcurrentHashMap<>();
    private final Map<LocalDate, Done> done = new ConcurrentHashMap<>();

    ReconciliationRuns(ObjectProvider<ReconciliationService> reconciliation, ConsoleSettings settings, Clock clock) {
        this.reconciliation = reconciliation;
        this.settings = settings;
        this.clock = clock;
    }

    /** The day as the page shows it now; starts a computation when the last report is missing or too old. */
    View view(LocalDate day) {
        Done last = done.get(day);
        if (last == null || last.computedAt().plus(settings.reconciliationMaxAge()).isBefore(clock.instant())) {
            start(day);
        }
        return current(day);
    }

    /** Computes the day again (unless a computation of it is already under way). */
    void refresh(LocalDate day) {
        start(day);
    }

    private View current(LocalDate day) {
        Done last = done.get(day);
        Run run = running.get(day);
        return last == null
                ? new View(day, null, null, null, null, run != null, run == null ? null : run.started())
                : new View(day, last.report(), last.computedAt(), last.took(), last.failure(), run != null,
                        run == null ? null : run.started());
    }

    private void start(LocalDate day) {
        ReconciliationService service = reconciliation.getObject();
        Run run = new Run(clock.instant());
        if (running.putIfAbsent(day, run) != null) {
            return;
        }
        worker.execute(() -> {
            try {
                finish(day, run, service.report(day, null, null), null);
            } catch (RuntimeException e) {
                finish(day, run, null, e);
            }
        });
    }

    private void finish(LocalDate day, Run run, ReconciliationReport report, RuntimeException error) {
        Instant now = clock.instant();
        Duration took = Duration.between(run.started(), now);
        if (error != null) {
            log.warn("Reconciliation of {} for the console failed: {}", day, error.toString());
            Done previous = done.get(day);
            done.put(day, new Done(previous == null ? null : previous.report(), previous == null ? now : previous.computedAt(),
                    took, "The computation started at " + ConsoleFormats.dateTime(run.started()) + " failed: " + error.getMessage()));
        } else {
            done.put(day, new Done(report, now, took, null));
        }
        running.remove(day, run);
        while (done.size() > DAYS_KEPT) {
            done.keySet().stream().min(LocalDate::compareTo).ifPresent(done::remove);
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
