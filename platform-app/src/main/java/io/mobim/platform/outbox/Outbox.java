package io.mobim.platform.outbox;

import io.mobim.events.EventJson;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.node.ObjectNode;

/**
 * Records for Kafka, written in the caller's database transaction: the record exists exactly when the fact
 * it reports was committed. {@link OutboxRelay} publishes them in order and deletes them once Kafka has them,
 * so nothing is lost while Kafka is down; a crash between publish and delete republishes the same record,
 * which consumers drop by its event id.
 */
public class Outbox {

    private final JdbcClient jdbc;
    private final Clock clock;

    Outbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Appends an event to publish on {@code topic} under {@code key}. Must run inside a transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(String topic, String key, Object event) {
        insert(topic, key, EventJson.mapper().writeValueAsBytes(event), false);
    }

    /**
     * Appends an event whose {@code nodeId} and {@code sequence} fields are filled in by the relay: the node
     * that publishes it numbers it, without gaps (charging events, for the billing team's gap detection).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void appendSequenced(String topic, String key, ObjectNode eventWithoutOrigin) {
        insert(topic, key, EventJson.mapper().writeValueAsBytes(eventWithoutOrigin), true);
    }

    private void insert(String topic, String key, byte[] payload, boolean sequenced) {
        jdbc.sql("insert into im.outbox (topic, record_key, payload, stamp_sequence, created_at) values (?, ?, ?, ?, ?)")
                .params(topic, key, payload, sequenced, Timestamp.from(clock.instant())).update();
    }
}
