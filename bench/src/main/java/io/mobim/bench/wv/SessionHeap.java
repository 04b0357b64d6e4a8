package io.mobim.bench.wv;

import io.mobim.platform.wv.CspDispatcher;
import io.mobim.wv.CspVersion;
import io.mobim.wv.model.ClientId;
import io.mobim.wv.model.LoginRequest;
import io.mobim.wv.model.LoginResponse;
import io.mobim.wv.model.PollingRequest;
import io.mobim.wv.model.SessionDescriptor;
import io.mobim.wv.model.Transaction;
import io.mobim.wv.model.WvMessage;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The heap that logged-in CSP sessions take ({@link WvLoadBench} {@code sessions=N}): {@code N} subscribers are added
 * in one statement (copies of one registered through the product, password hash and sealed password included), then
 * each logs in and polls once through the application's own {@link CspDispatcher} (no HTTP: connections are not what
 * is measured, and handsets do not hold them between polls), so that every session is in every in-memory structure a
 * served session is in. Prints the used heap after a full GC before and after, per session and in all.
 */
final class SessionHeap {

    private static final int LANES = 64;

    private SessionHeap() {
    }

    static void measure(ConfigurableApplicationContext ctx, int sessions, int first) throws Exception {
        JdbcClient jdbc = ctx.getBean(JdbcClient.class);
        CspDispatcher dispatcher = ctx.getBean(CspDispatcher.class);
        String template = WvDriver.msisdn(first - 1);
        String columns = jdbc.sql("""
                select string_agg(column_name, ', ' order by ordinal_position) from information_schema.columns
                where table_schema = 'im' and table_name = 'subscriber' and column_name not in ('msisdn', 'nickname')""")
                .query(String.class).single();
        long t0 = System.nanoTime();
        int added = jdbc.sql("insert into im.subscriber (msisdn, nickname, " + columns + ") select '+4477' || lpad(i::text, 9, '0'), 'h' || i, "
                        + columns + " from im.subscriber t cross join generate_series(?, ?) i where t.msisdn = ?")
                .params(1_000_000 + first, 1_000_000 + first + sessions - 1, template).update();
        System.out.printf(Locale.ROOT, "%n== heap of %d logged-in sessions ==%n  %d subscribers added in %.1f s%n", sessions, added,
                (System.nanoTime() - t0) / 1e9);
        long before = usedHeapAfterGc();
        t0 = System.nanoTime();
        AtomicInteger failed = new AtomicInteger();
        // many at once: a new session's first poll looks at every queue, its fetch group-committed with the others'
        try (ExecutorService pool = Executors.newFixedThreadPool(LANES)) {
            List<Future<?>> all = new java.util.ArrayList<>();
            for (int t = 0; t < LANES; t++) {
                int lane = t;
                all.add(pool.submit(() -> {
                    for (int i = lane; i < sessions; i += LANES) {
                        String userId = "wv:+4477" + String.format(Locale.ROOT, "%09d", 1_000_000 + first + i) + "@mobim";
                        Transaction answer = dispatcher.answer(WvMessage.of(CspVersion.V1_2, SessionDescriptor.outband(),
                                Transaction.request("1", new LoginRequest(userId, new ClientId("http://handset/wv", null),
                                        WvDriver.PASSWORD, List.of(), null, null, "cookie-" + i)))).transactions().getFirst();
                        if (!(answer.primitive() instanceof LoginResponse login) || login.result().code() != 200) {
                            failed.incrementAndGet();
                            continue;
                        }
                        dispatcher.answer(WvMessage.of(CspVersion.V1_2, SessionDescriptor.inband(login.sessionId()),
                                Transaction.request("", new PollingRequest())));
                    }
                }));
            }
            for (Future<?> f : all) {
                f.get();
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long after = usedHeapAfterGc();
        long live = jdbc.sql("select count(*) from im.wv_session where ended_at is null").query(Long.class).single();
        System.out.printf(Locale.ROOT, "  %d logged in and polled once in %.1f s (%d failed); %d live CSP sessions in the database%n",
                sessions - failed.get(), seconds, failed.get(), live);
        System.out.printf(Locale.ROOT, "  used heap after GC: %d MB before, %d MB after: %.0f bytes per session, %d MB for %d sessions"
                        + " (max heap %d MB)%n", before >> 20, after >> 20, (after - before) / (double) (sessions - failed.get()),
                (after - before) >> 20, sessions - failed.get(), Runtime.getRuntime().maxMemory() >> 20);
        System.out.println("  " + ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(g -> g.getName() + " " + g.getCollectionCount() + " collections").collect(Collectors.joining(", ")));
    }

    static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
