package io.mobim.platform.outbox;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The outbox relay.
 *
 * @param nodeId a fixed node id for this instance, stamped on the charging events it relays with that node's own
 *               sequence; each instance needs its own, stable across restarts. Unset, the instance leases one in
 *               the database ({@link NodeLease}, {@code mobim.outbox.node-lease.*})
 * @param batchSize records published per round: a round takes rows (one per transaction, with all its records) in id
 *                  order until they hold this many, and at least one row however large
 * @param interval pause between rounds when the outbox was empty; a commit on this instance that wrote records
 *                 wakes the relay at once, so this only paces records of other instances and retries
 * @param sendTimeout how long a round waits for Kafka's acknowledgements before it rolls back and retries
 * @param rescanInterval a round reads on from the first id the relay has not seen (a transaction still running
 *                       holds it back until it commits); this often a round reads from the start instead and moves on
 *                       past ids that never came (rolled-back transactions)
 */
@Validated
@ConfigurationProperties("mobim.outbox")
public record OutboxSettings(
        String nodeId,
        @DefaultValue("500") @Min(1) @Max(10_000) int batchSize,
        @DefaultValue("50ms") Duration interval,
        @DefaultValue("10s") Duration sendTimeout,
        @DefaultValue("1s") Duration rescanInterval) {
}
