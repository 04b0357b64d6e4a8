package io.mobim.bench.wv;

import io.mobim.events.Msisdn;
import io.mobim.platform.MobimApplication;
import io.mobim.platform.subscribers.SubscriberChanges;
import io.mobim.platform.subscribers.Subscribers;
import io.mobim.wv.handset.WvHandset;
import io.mobim.wv.CspVersion;
import io.mobim.wv.WvCodec;
import io.mobim.wv.model.NewMessage;
import io.mobim.wv.model.Status;
import io.mobim.wv.model.Transaction;
import io.mobim.wv.model.UpdatePresenceRequest;
import io.mobim.wv.model.WvNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * CSP transactions per second over HTTP keep-alive against the application in-process (role {@code im}, embedded
 * PostgreSQL and Kafka, ephemeral): {@code handsets} emulated handsets (the tests' {@code WvHandset}, wv-protocol's
 * codec) log in, then each runs a closed loop of 60% Polling-Request, 30% SendMessage to another handset, 10%
 * UpdatePresence, confirming what its polls hand out as a handset does. Prints transactions/s and p50/p99 per kind,
 * how many polls the server answered from memory, and the heap per logged-in session.
 *
 * <p>Passwords are hashed with bcrypt cost 4 here (the platform's default is 10): logins are not what is measured,
 * and 2,000 of them at cost 10 would take minutes on two cores.
 */
public final class WvLoadBench {

    private static final String PASSWORD = "bench-pw";

    public static void main(String[] argv) throws Exception {
        Map<String, String> params = new LinkedHashMap<>(Map.of("handsets", "2000", "seconds", "30", "warmup", "10",
                "encoding", "wbxml", "version", "1.2"));
        Arrays.stream(argv).map(a -> a.split("=", 2)).forEach(kv -> params.put(kv[0], kv[1]));
        System.out.println(Machine.describe());
        System.out.println("parameters: " + params);
        int handsets = Integer.parseInt(params.get("handsets"));

        ConfigurableApplicationContext ctx = start();
        try {
            int port = Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
            URI endpoint = URI.create("http://127.0.0.1:" + port + "/wv/csp");
            Subscribers subscribers = ctx.getBean(Subscribers.class);
            CspVersion version = CspVersion.ofLabel(params.get("version"));
            WvCodec codec = params.get("encoding").equals("xml") ? WvCodec.xml() : WvCodec.wbxml();

            List<Msisdn> numbers = new ArrayList<>(handsets);
            for (int i = 0; i < handsets; i++) {
                Msisdn m = Msisdn.of(String.format(Locale.ROOT, "+4477009%05d", i));
                subscribers.register(m, "h" + i, new SubscriberChanges(null, PASSWORD, "en", "VODAFONE_UK", null, null, null));
                numbers.add(m);
            }
            long heapBefore = usedHeapAfterGc();
            List<WvHandset> phones = new ArrayList<>(handsets);
            long t0 = System.nanoTime();
            try (ExecutorService logins = Executors.newFixedThreadPool(8)) {
                List<java.util.concurrent.Future<WvHandset>> f = new ArrayList<>();
                for (Msisdn m : numbers) {
                    f.add(logins.submit(() -> {
                        WvHandset h = new WvHandset(endpoint, version, codec, "wv:" + m.value() + "@mobim");
                        int code = h.login(PASSWORD).result().code();
                        if (code != 200) {
                            throw new IllegalStateException("login answered " + code);
                        }
                        return h;
                    }));
                }
                for (var x : f) {
                    phones.add(x.get());
                }
            }
            long heapAfter = usedHeapAfterGc();
            System.out.printf(Locale.ROOT, "%d handsets logged in in %.1f s; heap per logged-in session %.0f bytes"
                            + " (used heap after GC %d MB -> %d MB, the driver's own handset objects included)%n",
                    handsets, (System.nanoTime() - t0) / 1e9, (heapAfter - heapBefore) / (double) handsets,
                    heapBefore >> 20, heapAfter >> 20);

            MeterRegistry meters = ctx.getBean(MeterRegistry.class);
            run("warm-up", phones, Integer.parseInt(params.get("warmup")), meters);
            run("measured", phones, Integer.parseInt(params.get("seconds")), meters);
        } finally {
            ctx.close();
        }
    }

    /** One closed-loop run of every handset for {@code seconds}; prints what it measured. */
    private static void run(String name, List<WvHandset> phones, int seconds, MeterRegistry meters) throws Exception {
        Kind[] kinds = Kind.values();
        double memory0 = polls(meters, "memory");
        double database0 = polls(meters, "database");
        long cpu0 = processCpuNanos();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong failures = new AtomicLong();
        try (ExecutorService loop = Executors.newVirtualThreadPerTaskExecutor()) {
            for (WvHandset phone : phones) {
                loop.submit(() -> {
                    ThreadLocalRandom r = ThreadLocalRandom.current();
                    while (System.nanoTime() < end) {
                        int dice = r.nextInt(100);
                        Kind kind = dice < 60 ? Kind.POLL : dice < 90 ? Kind.SEND : Kind.PRESENCE;
                        long s = System.nanoTime();
                        try {
                            switch (kind) {
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
                                    WvHandset to = phones.get(r.nextInt(phones.size()));
                                    phone.send("bench " + s, to.userId());
                                }
                                case PRESENCE -> phone.request(new UpdatePresenceRequest(new WvNode("PresenceSubList", null,
                                        List.of(WvNode.presenceValue("StatusText", "at " + (s % 1000))))), Status.class);
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
        double cpu = (processCpuNanos() - cpu0) / 1e9;
        long total = 0;
        System.out.println("== " + name + ": " + phones.size() + " handsets, " + seconds + " s ==");
        for (Kind k : kinds) {
            Kind.Stats st = k.drain();
            total += st.count();
            System.out.printf(Locale.ROOT, "  %-8s %8d  %8.0f/s  p50 %6.2f ms  p99 %7.2f ms%n", k, st.count(),
                    st.count() / (double) seconds, st.p(50) / 1e6, st.p(99) / 1e6);
        }
        double memory = polls(meters, "memory") - memory0;
        double database = polls(meters, "database") - database0;
        System.out.printf(Locale.ROOT, "  total    %8d  %8.0f CSP transactions/s; %d failed; polls answered from memory %.0f, read %.0f;"
                        + " process CPU %.1f s (%.1f cores, driver included)%n", total, total / (double) seconds, failures.get(),
                memory, database, cpu, cpu / seconds);
    }

    private static double polls(MeterRegistry meters, String answer) {
        var c = meters.find("mobim.wv.polls").tag("answer", answer).counter();
        return c == null ? 0 : c.count();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static ConfigurableApplicationContext start() {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("mobim.embedded.ephemeral", "true");
        props.put("mobim.roles", "im");
        props.put("server.port", "0");
        props.put("mobim.admin.password", "bench");
        props.put("mobim.messaging.send-limit", "1000000");
        props.put("spring.main.banner-mode", "off");
        props.put("logging.level.root", "WARN");
        props.put("logging.level.kafka", "ERROR");
        props.put("logging.level.org.apache.kafka", "ERROR");
        String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        BeanPostProcessor cheapHashes = new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof PasswordEncoder ? new BCryptPasswordEncoder(4) : bean;
            }
        };
        return new SpringApplicationBuilder(MobimApplication.class).properties(props)
                .initializers(c -> {
                    c.getBeanFactory().addBeanPostProcessor(cheapHashes);
                    c.getBeanFactory().registerSingleton("benchSkipsTestClasses", new SkipTestClasses());
                }).run(args);
    }

    /**
     * The platform's test classes are on the bench's class path (the handset emulator comes with them); their nested
     * configurations must not join the application, as the test framework's own filter keeps them out of tests.
     */
    private static final class SkipTestClasses extends TypeExcludeFilter {
        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
            return reader.getClassMetadata().getClassName().matches(".*Test(\\$.*)?");
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SkipTestClasses;
        }

        @Override
        public int hashCode() {
            return SkipTestClasses.class.hashCode();
        }
    }

    /** A kind of transaction in the mix, with the latencies of its transactions. */
    private enum Kind {
        POLL, SEND, PRESENCE;

        private final java.util.concurrent.ConcurrentLinkedQueue<Long> latencies = new java.util.concurrent.ConcurrentLinkedQueue<>();
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
