package io.mobim.platform.sms;

import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.events.sms.SmsMo;
import io.mobim.platform.MobimIntegrationTest;
import io.mobim.platform.support.TestNumbers;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The marks of handled MOs go once no replay can bring their MO again, and a replay within the retention is still refused. */
@MobimIntegrationTest
class HandledMoPurgeTest {

    @Autowired HandledMoPurge purge;
    @Autowired SmsCommandHandler handler;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    @Test
    void marksOlderThanTheRetentionAreDeletedInBatchesAndRecentOnesStillRefuseAReplay() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Instant now = clock.instant();
        // more old marks than one batch takes, a day past the 14-day retention
        jdbc.sql("insert into im.sms_mo_handled (mo_id, handled_at) select ? || '-old-' || g, ? from generate_series(1, ?) g")
                .params(run, Timestamp.from(now.minus(Duration.ofDays(15))), HandledMoPurge.BATCH + 5).update();
        jdbc.sql("insert into im.sms_mo_handled (mo_id, handled_at) values (?, ?)")
                .params(run + "-edge", Timestamp.from(now.minus(Duration.ofDays(14)).plusSeconds(60))).update();
        SmsMo recent = new SmsMo(SmsMo.SCHEMA_VERSION, run + "-recent", TestNumbers.next().value(), "20123", "HELP", now, "smsc", 1, null);
        assertThat(handler.handle(recent)).as("handled the first time").isTrue();

        purge.purge(); // (the scheduled purge may take some of them at the same moment)

        assertThat(jdbc.sql("select count(*) from im.sms_mo_handled where mo_id like ?").param(run + "-old-%").query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from im.sms_mo_handled where mo_id in (?, ?)").params(run + "-edge", run + "-recent")
                .query(Long.class).single()).as("younger than the retention").isEqualTo(2);
        assertThat(handler.handle(recent)).as("a replay within the retention changes nothing").isFalse();
        assertThat(purge.purge()).as("nothing left to delete").isZero();
    }
}
