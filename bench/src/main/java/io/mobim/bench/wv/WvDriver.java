package io.mobim.bench.wv;

import io.mobim.wv.handset.WvHandset;
import io.mobim.wv.CspVersion;
import io.mobim.wv.WvCodec;
import io.mobim.wv.model.NewMessage;
import io.mobim.wv.model.PollingRequest;
import io.mobim.wv.model.SessionDescriptor;
import io.mobim.wv.model.Status;
import io.mobim.wv.model.Transaction;
import io.mobim.wv.model.UpdatePresenceRequest;
import io.mobim.wv.model.WvMessage;
import io.mobim.wv.model.presence.PresenceSubList;
import io.mobim.wv.model.presence.StatusText;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * The handsets of {@link WvLoadBench}: logs {@code handsets} subscribers in (numbers {@code +4477009nnnnn}, password
 * {@link #PASSWORD}), then every handset runs a closed loop of 60% Polling-Request (confirming or acknowledging what
 * a poll hands out, as a handset does), 30% SendMessage to a random handset, 10% UpdatePresence, for {@code warmup}
 * then {@code seconds} seconds, and prints transactions/s and p50/p99 per kind. With {@code rate=N} the loop is open
 * instead: every handset sends on a fixed schedule, N transactions a second in all, and a transaction's latency counts
 * from when it was due, so that the percentiles are those of a load below the ceiling, not of a saturated closed loop
 * (where latency is handsets / rate). With {@code target=floor} the handsets
 * post a poll's bytes to {@code endpoint} without logging in (an endpoint that does nothing: the HTTP floor).
 *
 * <p>Runs in the application's JVM or in one of its own ({@code main}, started by {@link WvLoadBench} with
 * {@code driver=separate}), in which case it prints {@code MARK start} and {@code MARK end <transactions>} around
 * the measured run so that the server's side can take its CPU figures over the same window.
 */
public final class WvDriver {

    static final String PASSWORD = "bench-pw";

    /** Called around the measured run. */
    interface Marks {
        void start();

        void end(long transactions, int seconds);
    }

    private final Map<String, String> params;
    private final URI endpoint;
    private final boolean floor;

    WvDriver(Map<String, String> params) {
        this.params = params;
        this.endpoint = URI.create(params.get("endpoint"));
        this.floor = "floor".equals(params.get("target"));
    }

    static Map<String, String> defaults() {
        return new LinkedHashMap<>(Map.of("handsets", "2000", "seconds", "30", "warmup", "10", "encoding", "wbxml",
                "version", "1.2", "client", "socket", "target", "csp"));
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> params = defaults();
        Arrays.stream(argv).map(a -> a.split("=", 2)).forEach(kv -> params.put(kv[0], kv[1]));
        long cpu0 = processCpuNanos();
        AtomicLong measured = new AtomicLong();
        long[] cpuAtStart = new long[1];
        new WvDriver(params).drive(new Marks() {
            @Override
            public void start() {
                cpuAtStart[0] = processCpuNanos();
                System.out.println("MARK start");
                System.out.flush();
            }

            @Override
            public void end(long transactions, int seconds) {
                long cpu = processCpuNanos() - cpuAtStart[0];
                measured.set(transactions);
                System.out.println("MARK end " + transactions + " " + seconds);
                System.out.printf(Locale.ROOT, "  driver JVM (alone): CPU %.1f s over the measured run, %.1f cores, %.3f ms per transaction%n",
                        cpu / 1e9, cpu / 1e9 / seconds, cpu / 1e6 / transactions);
                System.out.flush();
            }
        });
        System.out.printf(Locale.ROOT, "  driver JVM CPU in all: %.1f s%n", (processCpuNanos() - cpu0) / 1e9);
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static String msisdn(int i) {
        return String.format(Locale.ROOT, "+4477009%05d", i);
    }

    /** Logs the handsets in, runs the warm-up and the measured run; returns the transactions measured. */
    long drive(Marks marks) throws Exception {
        int handsets = Integer.parseInt(params.get("handsets"));
        CspVersion version = CspVersion.ofLabel(params.get("version"));
        WvCodec codec = params.get("encoding").equals("xml") ? WvCodec.xml() : WvCodec.wbxml();
        List<Handset> phones = new ArrayList<>(handsets);
        long t0 = System.nanoTime();
        try (ExecutorService logins = Executors.newVirtualThreadPerTaskExecutor()) {
            Semaphore concurrent = new Semaphore(8);
            List<Future<Handset>> f = new ArrayList<>(handsets);
            for (int i = 0; i < handsets; i++) {
                String userId = "wv:" + msisdn(i) + "@mobim";
                f.add(logins.submit(() -> {
                    concurrent.acquire();
                    try {
                        WvHandset.Transport transport = transport();
                        WvHandset h = new WvHandset(transport, version, codec, userId);
                        if (!floor) {
                            int code = h.login(PASSWORD).result().code();
                            if (code != 200) {
                                throw new IllegalStateException("login answered " + code);
                            }
                        }
                        return new Handset(h, transport);
                    } finally {
                        concurrent.release();
                    }
                }));
            }
            for (Future<Handset> x : f) {
                phones.add(x.get());
            }
        }
        System.out.printf(Locale.ROOT, "%d handsets %s in %.1f s (%s client)%n", handsets, floor ? "ready" : "logged in",
                (System.nanoTime() - t0) / 1e9, params.get("client"));
        byte[] pollBytes = codec.encode(WvMessage.of(version, SessionDescriptor.inband("floor"),
                Transaction.request("", new PollingRequest())));
        String type = codec.contentType();
        run("warm-up", phones, Integer.parseInt(params.get("warmup")), pollBytes, type, null);
        return run("measured", phones, Integer.parseInt(params.get("seconds")), pollBytes, type, marks);
    }

    private WvHandset.Transport transport() {
        if ("jdk".equals(params.get("client"))) {
            return WvHandset.jdkHttp(endpoint);
        }
        return new KeepAliveHttp(endpoint);
    }

    private record Handset(WvHandset phone, WvHandset.Transport transport) {
    }

    /** One closed-loop run of every handset for {@code seconds}; prints what it measured, returns the transactions. */
    private long run(String name, List<Handset> phones, int seconds, byte[] pollBytes, String type, Marks marks) throws Exception {
        Kind[] kinds = Kind.values();
        if (marks != null) {
            marks.start();
        }
        long begin = System.nanoTime();
        long end = begin + seconds * 1_000_000_000L;
        // rate=N: an open loop at N transactions/s in all, each handset on a fixed schedule; a latency counts from
        // the time its transaction was due, so time spent behind schedule is part of it
        long interval = params.containsKey("rate") ? Math.round(phones.size() * 1e9 / Double.parseDouble(params.get("rate"))) : 0;
        AtomicLong failures = new AtomicLong();
        try (ExecutorService loop = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int h = 0; h < phones.size(); h++) {
                Handset handset = phones.get(h);
                long offset = interval * h / phones.size();
                loop.submit(() -> {
                    WvHandset phone = handset.phone();
                    ThreadLocalRandom r = ThreadLocalRandom.current();
                    long due = begin + offset;
                    while ((interval > 0 ? due : System.nanoTime()) < end) {
                        int dice = r.nextInt(100);
                        Kind kind = floor ? Kind.FLOOR : dice < 60 ? Kind.POLL : dice < 90 ? Kind.SEND : Kind.PRESENCE;
                        long s = System.nanoTime();
                        if (interval > 0) {
                            if (due > s) {
                                LockSupport.parkNanos(due - s);
                            }
                            s = due;
                            due += interval;
                        }
                        try {
                            switch (kind) {
                                case FLOOR -> {
                                    int status = handset.transport().post(pollBytes, type).status();
                                    if (status != 200) {
                                        throw new IllegalStateException("HTTP " + status);
                                    }
                                }
                                case POLL -> {
                                    Transaction t = phone.poll();
                                    if (t != null) {
                                        if (t.primitive() instanceof NewMessage) {
                                            phone.confirm(t);
                                        } else {
                                            phone.acknowledge(t);
                                        }
                                    }
                                }
                                case SEND -> {
                                    WvHandset to = phones.get(r.nextInt(phones.size())).phone();
                                    phone.send("bench " + s, to.userId());
                                }
                                case PRESENCE -> phone.request(new UpdatePresenceRequest(
                                        PresenceSubList.of(StatusText.of("at " + (s % 1000)))), Status.class);
                            }
                            kind.record(System.nanoTime() - s);
                        } catch (RuntimeException | AssertionError e) {
                            if (failures.getAndIncrement() < 5) {
                                System.err.println(kind + " failed: " + e);
                            }
                        }
                    }
                });
            }
        }
        long total = 0;
        List<String> lines = new ArrayList<>();
        for (Kind k : kinds) {
            Kind.Stats st = k.drain();
            total += st.count();
            if (st.count() > 0) {
                lines.add(String.format(Locale.ROOT, "  %-8s %8d  %8.0f/s  p50 %6.2f ms  p99 %7.2f ms", k, st.count(),
                        st.count() / (double) seconds, st.p(50) / 1e6, st.p(99) / 1e6));
            }
        }
        if (marks != null) {
            marks.end(total, seconds);
        }
        System.out.println("== " + name + ": " + phones.size() + " handsets, " + seconds + " s ==");
        lines.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "  total    %8d  %8.0f transactions/s; %d failed%n", total, total / (double) seconds, failures.get());
        System.out.flush();
        return total;
    }

    /** A kind of transaction in the mix, with the latencies of its transactions. */
    private enum Kind {
        POLL, SEND, PRESENCE, FLOOR;

        private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        private final LongAdder count = new LongAdder();

        void record(long nanos) {
            count.increment();
            latencies.add(nanos);
        }

        Stats drain() {
            long[] all = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            latencies.clear();
            long n = count.sumThenReset();
            return new Stats(n, all);
        }

        record Stats(long count, long[] sorted) {
            long p(int percentile) {
                return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * percentile / 100.0))];
            }
        }
    }
}
