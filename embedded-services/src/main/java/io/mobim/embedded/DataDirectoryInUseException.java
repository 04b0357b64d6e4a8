package io.mobim.embedded;

import java.nio.file.Path;
import java.util.Optional;

/** Another process holds the data directory: a second mobim on the same data refuses to start rather than share it. */
public final class DataDirectoryInUseException extends IllegalStateException {

    private final transient Path dataDir;

    DataDirectoryInUseException(Path dataDir, Optional<DataDirectoryLock.Owner> owner) {
        super("the data directory " + dataDir + " is in use by another mobim ("
                + owner.map(DataDirectoryLock.Owner::toString).orElse("its owner record is unreadable") + "). "
                + "Stop that one first, or start this one on other data (--mobim.embedded.data-dir=...). "
                + "Its embedded PostgreSQL and Kafka broker were left alone.");
        this.dataDir = dataDir;
    }

    public Path dataDir() {
        return dataDir;
    }
}
