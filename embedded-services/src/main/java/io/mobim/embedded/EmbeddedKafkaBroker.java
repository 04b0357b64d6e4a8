package io.mobim.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one) running inside this JVM, built from
 * Kafka's own server classes. It binds 127.0.0.1 only. Its log directory survives restarts unless it is
 * ephemeral: the storage is formatted once, as {@code kafka-storage format} would, and reused afterwards.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    /** Settings that make the broker the embedded one: not to be replaced by the caller's. */
    private static final Set<String> OWN = Set.of("process.roles", "node.id", "controller.quorum.voters", "listeners",
            "advertised.listeners", "controller.listener.names", "listener.security.protocol.map",
            "inter.broker.listener.name", "log.dirs", "log.dir");

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Path logDir;
    private final boolean deleteOnClose;

    private EmbeddedKafkaBroker(KafkaRaftServer server, String bootstrapServers, Path logDir, boolean deleteOnClose) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.logDir = logDir;
        this.deleteOnClose = deleteOnClose;
    }

    /**
     * Formats {@code logDir} if it holds no Kafka storage yet and starts the broker.
     *
     * @param port the client port on 127.0.0.1
     * @param partitions the default partition count of topics created without one
     */
    public static EmbeddedKafkaBroker start(Path logDir, int port, int partitions, boolean deleteOnClose) throws Exception {
        return start(logDir, port, partitions, deleteOnClose, Map.of());
    }

    /**
     * As {@link #start(Path, int, int, boolean)}, with broker settings on top of the embedded ones (thread counts,
     * retention...); the listeners, the node's identity and its log directory are the embedded broker's own.
     */
    public static EmbeddedKafkaBroker start(Path logDir, int port, int partitions, boolean deleteOnClose,
                                            Map<String, String> settings) throws Exception {
        Files.createDirectories(logDir);
        int clientPort = port;
        int controllerPort = FreePorts.pick();
        String dir = logDir.toAbsolutePath().toString();

        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + clientPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + clientPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", dir);
        p.put("num.partitions", Integer.toString(partitions));
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "false");
        // a single node shares its machine with the application: Kafka's thread counts are sized for a broker of its
        // own on many cores; one network thread and two request handlers keep busy under load, where eight handlers
        // hand most requests to a thread that was parked (the caller's settings may raise them)
        p.put("num.network.threads", "1");
        p.put("num.io.threads", "2");
        // the log cleaner's key map is allocated whole at start and lives as long as the broker: Kafka's 128 MB sits in
        // the application's old generation and keeps G1 running marking cycles, whose remark pauses unload classes.
        // The only compacted topic here is the consumer offsets, a few keys per group: 8 MB holds some 300,000 keys
        p.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
        settings.forEach((name, value) -> {
            if (OWN.contains(name)) {
                throw new IllegalArgumentException("the embedded Kafka broker sets " + name + " itself");
            }
            p.put(name, value);
        });
        KafkaConfig config = KafkaConfig.fromProps(p, false);

        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(dir);
        }
        UniformRequestHistograms.register();
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        return new EmbeddedKafkaBroker(server, "127.0.0.1:" + clientPort, logDir, deleteOnClose);
    }

    /** What {@code kafka-storage format} does, once: a second start reuses the storage, its cluster id and its data. */
    private static void format(String dir) throws Exception {
        new Formatter()
                .setClusterId(Uuid.randomUuid().toString())
                .setNodeId(1)
                .setControllerListenerName("CONTROLLER")
                .setMetadataLogDirectory(dir)
                .setDirectories(List.of(dir))
                .setReleaseVersion(MetadataVersion.latestProduction())
                .setUnstableFeatureVersionsEnabled(false)
                .setIgnoreFormatted(false)
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .run();
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Creates topics with the given partition counts (replication 1): the broker creates none by itself. */
    public void createTopics(java.util.Map<String, Integer> partitions) throws Exception {
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                java.util.Map.of("bootstrap.servers", bootstrapServers))) {
            admin.createTopics(partitions.entrySet().stream()
                    .map(e -> new org.apache.kafka.clients.admin.NewTopic(e.getKey(), e.getValue(), (short) 1)).toList()).all().get();
        }
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
        server.awaitShutdown();
        if (deleteOnClose) {
            FileTrees.delete(logDir);
        }
    }
}
