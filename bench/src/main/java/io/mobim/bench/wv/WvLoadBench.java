package io.mobim.bench.wv;

import io.mobim.bench.PostgresProcesses;
import io.mobim.bench.RunCost;
import io.mobim.events.Msisdn;
import io.mobim.platform.MobimApplication;
import io.mobim.platform.subscribers.SubscriberChanges;
import io.mobim.platform.subscribers.Subscribers;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * CSP transactions per second over HTTP keep-alive against the application in-process (role {@code im}, embedded
 * PostgreSQL and Kafka, ephemeral): {@code handsets} emulated handsets (the tests' {@code WvHandset}, wv-protocol's
 * codec) log in, then each runs a closed loop of 60% Polling-Request, 30% SendMessage to another handset, 10%
 * UpdatePresence, confirming what its polls hand out as a handset does ({@code rate=N}: an open loop at N a second in
 * all instead, see {@link WvDriver}). Prints transactions/s and p50/p99 per kind,
 * how many polls the server answered from memory, and the heap per logged-in session.
 *
 * <p>Passwords are hashed with bcrypt cost 4 here (the platform's default is 10): logins are not what is measured,
 * and 2,000 of them at cost 10 would take minutes on two cores.
 */
public final class WvLoadBench {

    public static void main(String[] argv) throws Exception {
        Map<String, String> params = WvDriver.defaults();
        params.put("driver", "separate");
        Arrays.stream(argv).map(a -> a.split("=", 2)).forEach(kv -> params.put(kv[0], kv[1]));
        System.out.println(Machine.describe());
        System.out.println("parameters: " + params);
        int handsets = Integer.parseInt(params.get("handsets"));
        boolean floor = "floor".equals(params.get("target"));

        ConfigurableApplicationContext ctx = start(floor);
        NettyFloor netty = floor && "netty".equals(params.get("floorVia"))
                ? new NettyFloor(Integer.parseInt(params.getOrDefault("nettyThreads", "2"))) : null;
        try {
            int port = netty != null ? netty.port() : Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
            params.put("endpoint", "http://127.0.0.1:" + port + (!floor ? "/wv/csp"
                    : "valve".equals(params.get("floorVia")) ? FloorEndpoint.VALVE_PATH : FloorEndpoint.PATH));
            if (!floor) {
                Subscribers subscribers = ctx.getBean(Subscribers.class);
                for (int i = 0; i < handsets; i++) {
                    subscribers.register(Msisdn.of(WvDriver.msisdn(i)), "h" + i,
                            new SubscriberChanges(null, WvDriver.PASSWORD, "en", "VODAFONE_UK", null, null, null));
                }
            }
            ServerMarks marks = new ServerMarks(ctx, params.get("jfr"), "separate".equals(params.get("driver")));
            if (Integer.parseInt(params.get("seconds")) <= 0) {
                System.out.println("no load run (seconds=0)");
            } else if ("separate".equals(params.get("driver"))) {
                separate(params, marks);
            } else {
                new WvDriver(params).drive(marks);
            }
            int sessions = Integer.parseInt(params.getOrDefault("sessions", "0"));
            if (sessions > 0 && !floor) {
                SessionHeap.measure(ctx, sessions, handsets);
            }
        } finally {
            if (netty != null) {
                netty.close();
            }
            ctx.close();
        }
    }

    /** Runs the driver in a JVM of its own, on the same class path, and takes the server's figures at its marks. */
    private static void separate(Map<String, String> params, ServerMarks marks) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + params.getOrDefault("driverHeap", "1g"), "-cp", System.getProperty("java.class.path"),
                WvDriver.class.getName()));
        params.forEach((k, v) -> command.add(k + "=" + v));
        Process driver = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(driver.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.equals("MARK start")) {
                    marks.start();
                } else if (line.startsWith("MARK end ")) {
                    String[] f = line.split(" ");
                    marks.end(Long.parseLong(f[2]), Integer.parseInt(f[3]));
                } else {
                    System.out.println(line);
                }
            }
        }
        if (driver.waitFor() != 0) {
            throw new IllegalStateException("the driver exited with " + driver.exitValue());
        }
    }

    /** The server's figures over the measured run: polls from memory, CPU by thread group and of PostgreSQL, JFR. */
    private static final class ServerMarks implements WvDriver.Marks {

        private final MeterRegistry meters;
        private final JdbcClient jdbc;
        private final long postmaster;
        private final String jfrPath;
        private final boolean alone;
        private double memory0;
        private double database0;
        private long cpu0;
        private RunCost cost;
        private TableReads reads;
        private final Map<String, double[]> batches0 = new LinkedHashMap<>();
        private jdk.jfr.Recording jfr;

        ServerMarks(ConfigurableApplicationContext ctx, String jfrPath, boolean alone) {
            this.meters = ctx.getBean(MeterRegistry.class);
            this.jdbc = ctx.getBean(JdbcClient.class);
            this.postmaster = PostgresProcesses.findPostmaster(ctx.getEnvironment().getProperty("mobim.embedded.data-root"));
            this.jfrPath = jfrPath;
            this.alone = alone;
        }

        @Override
        public void start() {
            batches0.clear();
            for (String operation : GROUP_COMMITS) {
                batches0.put(operation, batches(meters, operation));
            }
            memory0 = polls(meters, "memory");
            database0 = polls(meters, "database");
            if (jfrPath != null) {
                try {
                    jfr = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
                    // CPU-time samples (JDK 25) weigh each thread by the CPU it used, not by being on a CPU when
                    // sampled; every compilation shows what the JIT still does inside the measured window
                    jfr.enable("jdk.CPUTimeSample").with("throttle", "1ms");
                    jfr.enable("jdk.Compilation").withThreshold(java.time.Duration.ZERO);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                jfr.start();
            }
            cpu0 = WvDriver.processCpuNanos();
            cost = new RunCost(jdbc, postmaster, "transaction");
            reads = new TableReads(jdbc);
        }

        @Override
        public void end(long transactions, int seconds) {
            double cpu = (WvDriver.processCpuNanos() - cpu0) / 1e9;
            String report = transactions > 0 ? cost.report(transactions, seconds) : "";
            if (jfr != null) {
                jfr.stop();
                try {
                    jfr.dump(Path.of(jfrPath));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                System.out.println("  JFR recording of the measured run: " + jfrPath);
            }
            System.out.printf(Locale.ROOT, "  server: polls answered from memory %.0f, read %.0f; JVM CPU %.1f s (%.2f cores, %s)%n",
                    polls(meters, "memory") - memory0, polls(meters, "database") - database0, cpu, cpu / seconds,
                    alone ? "the server alone" : "driver included");
            System.out.print(report);
            StringBuilder grouped = new StringBuilder("  group commit over the run (transactions, requests per transaction):");
            for (String operation : GROUP_COMMITS) {
                double[] now = batches(meters, operation);
                double n = now[0] - batches0.get(operation)[0];
                grouped.append(String.format(Locale.ROOT, " %s %.0f, %.1f;", operation, n, n == 0 ? 0 : (now[1] - batches0.get(operation)[1]) / n));
            }
            System.out.println(grouped);
            if (transactions > 0) {
                System.out.print(reads.report(transactions));
            }
        }
    }

    /** The group committers whose batches are counted: {@code mobim.messaging.group-commit.batch{operation}}. */
    private static final List<String> GROUP_COMMITS = List.of("send", "client", "presence");

    /** Batches committed and requests in them, so far. */
    private static double[] batches(MeterRegistry meters, String operation) {
        var s = meters.find("mobim.messaging.group-commit.batch").tag("operation", operation).summary();
        return s == null ? new double[2] : new double[] {s.count(), s.totalAmount()};
    }

    private static double polls(MeterRegistry meters, String answer) {
        var c = meters.find("mobim.wv.polls").tag("answer", answer).counter();
        return c == null ? 0 : c.count();
    }

    private static ConfigurableApplicationContext start(boolean floor) {
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
        SpringApplicationBuilder app = floor ? new SpringApplicationBuilder(MobimApplication.class, FloorEndpoint.class)
                : new SpringApplicationBuilder(MobimApplication.class);
        return app.properties(props)
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
}
