package io.mobim.platform.housekeeping;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.mobim.platform.MobimIntegrationTest;
import io.mobim.platform.support.MutableClock;
import io.mobim.platform.support.TestNumbers;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Housekeeping on the real database: invitations past their validity by more than the retention and delivery reports
 * older than theirs go, in batches, counted; younger ones stay. Its rows are dated months back, so the other tests'
 * rows (days old at most) are never the ones it deletes.
 */
@MobimIntegrationTest
class HousekeepingTest {

    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;
    @Autowired MutableClock clock;
    @Autowired MeterRegistry meters;
    @Autowired HousekeepingSettings defaults;

    @Test
    void oldInvitationsAndReportsGoInBatchesAndYoungerOnesStay() {
        Instant now = clock.instant();
        String inviter = TestNumbers.next().value();
        String invitee = TestNumbers.next().value();
        for (int i = 0; i < 5; i++) {
            invitation(inviter, invitee, "old-" + i, now.minus(Duration.ofDays(200 + i)));
            report(inviter, invitee, now.minus(Duration.ofDays(200 + i)));
        }
        UUID young = invitation(inviter, invitee, "young", now.minus(Duration.ofDays(100)));
        report(inviter, invitee, now.minus(Duration.ofDays(100)));
        double before = meters.counter("mobim.housekeeping.purged", "table", "invitation").count();

        Housekeeping housekeeping = new Housekeeping(jdbc, new TransactionTemplate(transactions),
                new HousekeepingSettings(Duration.ofDays(150), Duration.ofDays(150), Duration.ofHours(1), 2), clock, meters);
        assertThat(housekeeping.purgeInvitations()).isGreaterThanOrEqualTo(5);
        assertThat(housekeeping.purgeReports()).isGreaterThanOrEqualTo(5);

        assertThat(jdbc.sql("select id from im.invitation where inviter = ?").param(inviter).query(UUID.class).list())
                .containsExactly(young);
        assertThat(jdbc.sql("select count(*) from im.client_delivery_report where sender = ?").param(inviter)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(meters.counter("mobim.housekeeping.purged", "table", "invitation").count() - before).isGreaterThanOrEqualTo(5);
        assertThat(defaults.invitationRetention()).as("the application's own default").isEqualTo(Duration.ofDays(30));
    }

    private UUID invitation(String inviter, String invitee, String ref, Instant expiresAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into im.invitation (id, inviter, inviter_ref, invitee, kind, state, created_at, expires_at)
                values (?, ?, ?, ?, 'IM', 'PENDING', ?, ?)""")
                .params(id, inviter, ref, invitee, Timestamp.from(expiresAt.minus(Duration.ofDays(1))), Timestamp.from(expiresAt))
                .update();
        return id;
    }

    private void report(String sender, String recipient, Instant at) {
        jdbc.sql("""
                insert into im.client_delivery_report (message_id, recipient, sender, status, reported_at)
                values (?, ?, ?, 'DELIVERED', ?)""")
                .params(UUID.randomUUID(), recipient, sender, Timestamp.from(at)).update();
    }
}
