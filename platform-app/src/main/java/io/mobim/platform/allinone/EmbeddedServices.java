package io.mobim.platform.allinone;

import io.mobim.embedded.DataDirectoryLock;
import io.mobim.embedded.EmbeddedKafkaBroker;
import io.mobim.embedded.EmbeddedPostgresServer;
import io.mobim.embedded.FileTrees;
import io.mobim.embedded.FreePorts;
import io.mobim.embedded.PostgresLeftovers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL and Kafka broker of one JVM. They are started by the first application context that
 * needs them and stopped when the last one closes, so that a test JVM with several cached contexts starts each
 * service once and a production JVM stops them after every bean that used them.
 *
 * <p>Both start in the background while Spring builds the context: their ports are chosen up front, so the
 * datasource and Kafka addresses are known at once, and the first beans that need a service wait for it
 * ({@link #awaitPostgres()}, {@link #awaitKafka()}). That overlaps several seconds of start-up.
 *
 * <p>The data directory is locked first ({@link DataDirectoryLock}), for as long as the services run: a second
 * process on the same data refuses to start, and a process that gets the lock knows that the last one is dead, so
 * it clears what that one's PostgreSQL left behind ({@link PostgresLeftovers}) before it starts its own. The broker
 * runs inside the JVM: it dies with it, the OS releases its log directory's lock, and it recovers its logs itself.
 */
final class EmbeddedServices {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedServices.class);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    private static CompletableFuture<EmbeddedPostgresServer> postgres;
    private static CompletableFuture<EmbeddedKafkaBroker> kafka;
    private static String jdbcUrl;
    private static String bootstrapServers;
    private static Path ephemeralRoot;
    private static DataDirectoryLock lock;
    private static int users;

    private EmbeddedServices() {
    }

    /** Starts what is asked for and not yet running; returns the addresses of what runs (or is starting) now. */
    static synchronized Running acquire(EmbeddedSettings settings, boolean wantPostgres, boolean wantKafka) throws Exception {
        Path root = dataRoot(settings);
        if (lock == null) {
            lock = DataDirectoryLock.acquire(root);
            lock.previousOwner().ifPresent(owner -> log.warn(
                    "The last mobim on {} did not stop cleanly ({}): recovering its embedded services", root, owner));
        }
        DataDirectoryLock held = lock;
        if (wantPostgres && postgres == null) {
            int port = settings.postgresPort() == 0 ? FreePorts.pick() : settings.postgresPort();
            Path dir = root.resolve("postgres");
            jdbcUrl = "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
            postgres = CompletableFuture.supplyAsync(() -> timed("Embedded PostgreSQL", "data in " + dir,
                    () -> {
                        PostgresLeftovers.withDefaults().clear(held, dir);
                        return EmbeddedPostgresServer.start(dir, port, settings.ephemeral(), settings.postgresSettings());
                    }), EmbeddedServices::daemon);
        }
        if (wantKafka && kafka == null) {
            int port = settings.kafkaPort() == 0 ? FreePorts.pick() : settings.kafkaPort();
            Path dir = root.resolve("kafka");
            bootstrapServers = "127.0.0.1:" + port;
            kafka = CompletableFuture.supplyAsync(() -> timed("Embedded Kafka broker", "at " + bootstrapServers,
                    () -> EmbeddedKafkaBroker.start(dir, port, settings.kafkaPartitions(), settings.ephemeral(),
                            settings.kafkaSettings())), EmbeddedServices::daemon);
        }
        users++;
        return new Running(wantPostgres ? jdbcUrl : null, wantKafka ? bootstrapServers : null, root);
    }

    /** Blocks until the embedded PostgreSQL accepts connections; returns at once if none is embedded. */
    static void awaitPostgres() {
        CompletableFuture<EmbeddedPostgresServer> f;
        synchronized (EmbeddedServices.class) {
            f = postgres;
        }
        await(f, "PostgreSQL");
    }

    /** Blocks until the embedded Kafka broker serves clients; returns at once if none is embedded. */
    static void awaitKafka() {
        CompletableFuture<EmbeddedKafkaBroker> f;
        synchronized (EmbeddedServices.class) {
            f = kafka;
        }
        await(f, "Kafka broker");
    }

    /** Stops everything once the last context that acquired the services has closed. */
    static synchronized void release() throws Exception {
        if (--users > 0) {
            return;
        }
        // the broker first: it holds no database state, and consumers are gone by now
        if (kafka != null) {
            stop(kafka, "Embedded Kafka broker");
            kafka = null;
        }
        if (postgres != null) {
            stop(postgres, "Embedded PostgreSQL");
            postgres = null;
        }
        if (lock != null) {
            lock.close();
            lock = null;
        }
        if (ephemeralRoot != null) {
            FileTrees.delete(ephemeralRoot);
            ephemeralRoot = null;
        }
    }

    private static void stop(CompletableFuture<? extends AutoCloseable> service, String name) throws Exception {
        AutoCloseable running;
        try {
            running = service.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS); // a start still under way finishes first
        } catch (ExecutionException | TimeoutException failedToStart) {
            return;
        }
        running.close();
        log.info("{} stopped", name);
    }

    private static void await(CompletableFuture<?> service, String name) {
        if (service == null) {
            return;
        }
        try {
            service.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the embedded " + name, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the embedded " + name + " did not start: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the embedded " + name + " did not start within " + START_TIMEOUT, e);
        }
    }

    private static <T> T timed(String name, String where, StartAction<T> action) {
        long t0 = System.nanoTime();
        try {
            T started = action.start();
            log.info("{} started in {} ms, {}", name, (System.nanoTime() - t0) / 1_000_000, where);
            return started;
        } catch (Exception e) {
            throw new IllegalStateException(name + " failed to start: " + e.getMessage(), e);
        }
    }

    private static void daemon(Runnable task) {
        Thread t = new Thread(task, "mobim-embedded-start");
        t.setDaemon(true);
        t.start();
    }

    private static Path dataRoot(EmbeddedSettings settings) throws Exception {
        if (!settings.ephemeral()) {
            return Path.of(settings.dataDir()).toAbsolutePath().normalize();
        }
        if (ephemeralRoot == null) {
            ephemeralRoot = Files.createTempDirectory("mobim-");
        }
        return ephemeralRoot;
    }

    @FunctionalInterface
    private interface StartAction<T> {
        T start() throws Exception;
    }

    /** Addresses of the embedded services; null for one that is not embedded. */
    record Running(String jdbcUrl, String kafkaBootstrapServers, Path dataRoot) {
    }
}
