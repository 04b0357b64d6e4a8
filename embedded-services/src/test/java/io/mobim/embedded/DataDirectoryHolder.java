package io.mobim.embedded;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * A stand-in for a mobim process, run as a child JVM by the tests: locks a data directory, starts its PostgreSQL
 * there, commits one row, prints {@code READY <port>} and waits to be killed.
 */
public final class DataDirectoryHolder {

    private DataDirectoryHolder() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        DataDirectoryLock lock = DataDirectoryLock.acquire(root);
        Path dir = root.resolve("postgres");
        PostgresLeftovers.withDefaults().clear(lock, dir);
        int port = FreePorts.pick();
        EmbeddedPostgresServer.start(dir, port, false);
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("create table if not exists acknowledged (id int primary key)");
            s.execute("insert into acknowledged values (1) on conflict do nothing");
        }
        System.out.println("READY " + port);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
