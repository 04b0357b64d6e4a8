package io.mobim.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server (zonky's packaged binaries) started as a child process. Its data directory
 * survives restarts unless it is ephemeral: initdb runs only when the directory holds no cluster yet. A kept
 * cluster runs durable (fsync, synchronous commit, full page writes on); an ephemeral one trades that for speed.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    /** A parameter name, or a module's ({@code pg_stat_statements.track}). */
    private static final Pattern SETTING_NAME = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)?");

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private final boolean deleteOnClose;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDir, boolean deleteOnClose) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.deleteOnClose = deleteOnClose;
    }

    /** Runs initdb if {@code dataDir} holds no cluster yet, then starts the server on 127.0.0.1:{@code port}. */
    public static EmbeddedPostgresServer start(Path dataDir, int port, boolean deleteOnClose) throws IOException {
        return start(dataDir, port, deleteOnClose, Map.of());
    }

    /**
     * {@link #start(Path, int, boolean)} with server settings of the operator's on top of these defaults (each
     * passed as {@code -c name=value}): {@code shared_buffers} for a bigger machine, {@code shared_preload_libraries}
     * for {@code pg_stat_statements} when profiling.
     *
     * @throws IllegalArgumentException if a setting's name is not a PostgreSQL parameter name
     */
    public static EmbeddedPostgresServer start(Path dataDir, int port, boolean deleteOnClose, Map<String, String> settings)
            throws IOException {
        settings.keySet().forEach(name -> {
            if (!SETTING_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("not a PostgreSQL setting name: '" + name + "'");
            }
        });
        Files.createDirectories(dataDir.getParent());
        // zonky turns fsync, synchronous_commit and full_page_writes off (right for throw-away test clusters);
        // a cluster whose data must survive a crash gets PostgreSQL's durable defaults back
        String durable = deleteOnClose ? "off" : "on";
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(30))
                // the application stops the server when its context closes, after every bean that uses it
                .setRegisterShutdownHook(false)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200")
                .setServerConfig("fsync", durable)
                .setServerConfig("synchronous_commit", durable)
                .setServerConfig("full_page_writes", durable);
        settings.forEach(builder::setServerConfig);
        EmbeddedPostgres postgres = builder.start();
        return new EmbeddedPostgresServer(postgres, dataDir, deleteOnClose);
    }

    @Override
    public void close() throws IOException {
        postgres.close();
        if (deleteOnClose) {
            FileTrees.delete(dataDir);
        }
    }
}
