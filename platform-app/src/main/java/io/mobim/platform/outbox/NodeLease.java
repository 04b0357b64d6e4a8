package io.mobim.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The node id of this instance, leased in {@code im.node_lease}: charging events carry their node's gap-free
 * sequence, so the id must survive a restart (a pod's host name does not). An instance takes, in this order: its
 * own previous lease (named in its hint file, or {@code node-<ordinal>} of a StatefulSet pod), a lease nobody
 * renewed within the time to live, or a new id ({@code node-<n>}). It renews its lease every heartbeat, gives it up
 * when it stops, and takes another one if it finds its lease taken (it was cut off from the database for longer
 * than the time to live): the sequence reservation is atomic, so even two instances on one id never reuse a number.
 */
public final class NodeLease implements NodeIdentity {

    private static final Logger log = LoggerFactory.getLogger(NodeLease.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final NodeLeaseSettings settings;
    private final Optional<Path> hintFile;
    private final String host;
    /** This process: host, pid and a random part, so that a pid reused after a reboot is not mistaken for it. */
    private final String holder;
    private final Counter lost;
    private final AtomicReference<String> current = new AtomicReference<>();

    NodeLease(JdbcClient jdbc, TransactionTemplate tx, NodeLeaseSettings settings, Optional<Path> hintFile, String host,
              MeterRegistry meters) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.settings = settings;
        this.hintFile = hintFile;
        this.host = host;
        this.holder = host + "/" + ProcessHandle.current().pid() + "/" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        this.lost = Counter.builder("mobim.node.lease.lost")
                .description("times this instance found its node lease taken and leased another node id").register(meters);
    }

    @Override
    public String current() {
        String id = current.get();
        if (id == null) {
            throw new IllegalStateException("no node id leased yet");
        }
        return id;
    }

    /** Leases a node id: this instance's previous one if it can. */
    void acquire() {
        Preferred preferred = preferred();
        String id = tx.execute(status -> claim(preferred));
        current.set(id);
        writeHint(id);
        log.info("Node id {} leased ({}); charging events relayed here carry it", id,
                preferred != null && preferred.id().equals(id) ? "this instance's own, " + preferred.why() : "a free one");
    }

    /** Renews the lease; leases another node id if another instance took this one meanwhile. */
    void heartbeat() {
        String id = current();
        int renewed = jdbc.sql("update im.node_lease set heartbeat_at = now() where node_id = ? and holder = ?")
                .params(id, holder).update();
        if (renewed == 0) {
            lost.increment();
            log.warn("Node lease {} was taken by another instance while this one could not renew it; leasing another", id);
            String next = tx.execute(status -> claim(null));
            current.set(next);
            writeHint(next);
            log.info("Node id {} leased instead of {}", next, id);
        }
    }

    /** Frees the lease at once, so that the next instance to start need not wait for it to expire. */
    void release() {
        String id = current.get();
        if (id != null) {
            jdbc.sql("update im.node_lease set heartbeat_at = '-infinity' where node_id = ? and holder = ?").params(id, holder).update();
        }
    }

    private String claim(Preferred preferred) {
        // one claim at a time: two instances starting together must not take the same free lease
        jdbc.sql("lock table im.node_lease in share row exclusive mode").update();
        double ttl = settings.ttl().toMillis() / 1000.0;
        if (preferred != null) {
            Optional<Lease> lease = jdbc.sql("""
                    select holder, heartbeat_at < now() - make_interval(secs => ?) as expired from im.node_lease where node_id = ?""")
                    .params(ttl, preferred.id()).query((rs, i) -> new Lease(rs.getString(1), rs.getBoolean(2))).optional();
            if (lease.isEmpty()) {
                return insert(preferred.id());
            }
            if (lease.get().expired() || preferred.wasHeldBy(lease.get().holder(), host)) {
                return take(preferred.id());
            }
            log.warn("Node id {} ({}) is held by a live instance ({}): leasing another", preferred.id(), preferred.why(), lease.get().holder());
        }
        Optional<String> free = jdbc.sql("""
                select node_id from im.node_lease where heartbeat_at < now() - make_interval(secs => ?) order by node_id limit 1""")
                .param(ttl).query(String.class).optional();
        if (free.isPresent()) {
            return take(free.get());
        }
        long next = jdbc.sql("""
                select coalesce(max(substring(node_id from '^node-([0-9]+)$')::bigint), 0) + 1 from im.node_lease""")
                .query(Long.class).single();
        return insert("node-" + next);
    }

    private String insert(String id) {
        jdbc.sql("insert into im.node_lease (node_id, holder, acquired_at, heartbeat_at) values (?, ?, now(), now())")
                .params(id, holder).update();
        return id;
    }

    private String take(String id) {
        jdbc.sql("update im.node_lease set holder = ?, acquired_at = now(), heartbeat_at = now() where node_id = ?")
                .params(holder, id).update();
        return id;
    }

    /** The hint file's lease (this instance's previous life), else the StatefulSet ordinal's; null without either. */
    private Preferred preferred() {
        Optional<Properties> hint = hintFile.filter(Files::isRegularFile).flatMap(NodeLease::readHint);
        if (hint.isPresent() && hint.get().getProperty("nodeId") != null) {
            return new Preferred(hint.get().getProperty("nodeId"), hint.get().getProperty("holder", ""), "noted in " + hintFile.get());
        }
        if (settings.ordinal() != null) {
            return new Preferred("node-" + settings.ordinal(), null, "StatefulSet ordinal " + settings.ordinal());
        }
        return null;
    }

    private static Optional<Properties> readHint(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
            return Optional.of(p);
        } catch (IOException | IllegalArgumentException unreadable) {
            log.warn("Ignoring the unreadable node hint file {}: {}", file, unreadable.toString());
            return Optional.empty();
        }
    }

    private void writeHint(String id) {
        hintFile.ifPresent(file -> {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
                Files.writeString(tmp, "# the node id this instance leased (im.node_lease); it takes it back when it restarts\n"
                        + "nodeId=" + id + "\nholder=" + holder + "\n", StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("could not write the node hint file " + file, e);
            }
        });
    }

    private record Lease(String holder, boolean expired) {
    }

    /**
     * A node id this instance had before: named in its hint file with the holder it had then, or its StatefulSet
     * ordinal's (a pod name is unique while the pod lives, so a lease held under this host name was this pod's).
     */
    private record Preferred(String id, String previousHolder, String why) {
        boolean wasHeldBy(String leaseHolder, String host) {
            return previousHolder != null ? previousHolder.equals(leaseHolder) : leaseHolder.startsWith(host + "/");
        }
    }
}
