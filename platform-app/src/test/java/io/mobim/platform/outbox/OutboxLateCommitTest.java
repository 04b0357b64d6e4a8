package io.mobim.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mobim.events.EventJson;
import io.mobim.events.Topics;
import io.mobim.events.sms.SmsMt;
import io.mobim.platform.MobimIntegrationTest;
import io.mobim.platform.support.TestNumbers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The relay reads on after the last record it published; a transaction that took its outbox id before others but
 * committed after the relay had published theirs must still have its record published.
 */
@MobimIntegrationTest
class OutboxLateCommitTest {

    @Autowired DataSource dataSource;
    @Autowired JdbcClient jdbc;
    @Autowired Outbox outbox;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void aRecordCommittedAfterLaterOnesWerePublishedIsPublishedToo() throws Exception {
        String to = TestNumbers.next().value();
        byte[] payload = EventJson.mapper().writeValueAsBytes(
                SmsMt.of("late-" + to, "mobim", to, "late", Instant.now().plusSeconds(600), false, "test"));
        try (Connection late = dataSource.getConnection()) {
            late.setAutoCommit(false);
            long lateId;
            try (PreparedStatement insert = late.prepareStatement("""
                    insert into im.outbox_transaction (topics, record_keys, payloads, stamp_sequence, created_at)
                    values (array[?]::varchar[], array[?]::varchar[], array[?::bytea], array[false], ?) returning id""")) {
                insert.setString(1, Topics.SMS_MT);
                insert.setString(2, to);
                insert.setBytes(3, payload);
                insert.setTimestamp(4, Timestamp.from(Instant.now()));
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    lateId = rs.getLong(1);
                }
            }
            // records with higher ids commit and are published while the first transaction is still open
            for (int i = 0; i < 3; i++) {
                new TransactionTemplate(transactions).executeWithoutResult(s -> outbox.append(Topics.SMS_MT, to,
                        SmsMt.of("early-" + to, "mobim", to, "early", Instant.now().plusSeconds(600), false, "test")));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from im.outbox_transaction where id > ? and ? = any(record_keys)")
                    .params(lateId, to).query(Long.class).single() == 0);

            late.commit();
            assertThat(jdbc.sql("select count(*) from im.outbox_transaction where id = ?").param(lateId).query(Long.class).single()).isEqualTo(1);
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from im.outbox_transaction where id = ?")
                    .param(lateId).query(Long.class).single() == 0);
        }
    }
}
