package io.mobim.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mobim.events.Topics;
import io.mobim.events.sms.SmsMt;
import io.mobim.platform.MobimIntegrationTest;
import io.mobim.platform.support.TestNumbers;
import java.time.Clock;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A relay round is bounded by records, not rows: it takes rows in id order until they hold a batch of records, and
 * at least one row however large. On a database of its own, so that the application's relay does not take the rows.
 */
@MobimIntegrationTest
class OutboxRelayRoundTest {

    @Autowired DataSource dataSource;
    @Autowired Environment env;

    @Test
    void aRoundTakesRowsUntilTheyHoldABatchOfRecords() throws Exception {
        try (ScratchImDatabase db = new ScratchImDatabase(dataSource, "latest")) {
            Outbox outbox = new Outbox(new JdbcTemplate(db.dataSource), Clock.systemUTC(), () -> { });
            TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(db.dataSource));
            String to = TestNumbers.next().value();
            for (int records : new int[] {3, 3, 1, 4, 7}) {
                tx.executeWithoutResult(s -> {
                    for (int i = 0; i < records; i++) {
                        outbox.append(Topics.SMS_MT, to, SmsMt.of("round-" + to + "-" + i, "mobim", to, "round", Instant.now().plusSeconds(600), false, "test"));
                    }
                });
            }
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            OutboxRelay relay = db.relay(env.getProperty("spring.kafka.bootstrap-servers"), "round-node", 5, meters);
            assertThat(meters.get("mobim.outbox.pending").gauge().value()).as("records, not rows").isEqualTo(18);

            assertThat(relay.relayBatch()).as("3 + 3: the second row reaches the batch").isEqualTo(6);
            assertThat(relay.relayBatch()).as("1 + 4").isEqualTo(5);
            assertThat(relay.relayBatch()).as("a row larger than the batch goes whole").isEqualTo(7);
            assertThat(relay.relayBatch()).isZero();
            assertThat(meters.get("mobim.outbox.published").counter().count()).isEqualTo(18);
            assertThat(meters.get("mobim.outbox.pending").gauge().value()).isZero();
        }
    }
}
