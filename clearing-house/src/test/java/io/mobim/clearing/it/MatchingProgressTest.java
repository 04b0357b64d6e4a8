package io.mobim.clearing.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.events.interop.InteropChannel;
import io.mobim.events.interop.InteropRecord;
import io.mobim.events.interop.InteropSide;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A matching run over two key-hash partitions shows, through the job API while it runs, each partition as it commits
 * (operators ESPMV and PRTOP only). One partition is held up by a transaction of the test that writes one of its
 * messages first and has not committed: the other partition's merge is visible as one of two merged before the held one
 * goes on.
 */
class MatchingProgressTest extends ClearingApiTest {

    private static final Instant AT = Instant.parse("2026-11-12T10:00:00Z");

    @Autowired
    DataSource dataSource;

    @Test
    void a_run_shows_each_partition_merged_while_it_runs() throws Exception {
        senderKeepsAll("ESPMV", "PRTOP", "MONTHLY");
        List<InteropRecord> records = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            records.add(Exchange.record(InteropSide.ORIGINATING, "ESPMV", "PRTOP", "es-" + i, AT.plusSeconds(i), InteropChannel.SMS, 1));
            records.add(Exchange.record(InteropSide.TERMINATING, "ESPMV", "PRTOP", "es-" + i, AT.plusSeconds(i), InteropChannel.SMS, 1));
        }
        HttpResponse<String> uploaded = post("/api/v1/clearing/records", "text/csv", Exchange.csv(records));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
        List<Boolean> parts = jdbc.queryForList("select distinct hashtextextended(message_id, 0) >= 0 from clearing.interop_record "
                + "where originating_operator = 'ESPMV'", Boolean.class);
        assertThat(parts).as("messages in both partitions").hasSize(2);
        String held = jdbc.queryForObject("select min(message_id) from clearing.interop_record where originating_operator = 'ESPMV' "
                + "and hashtextextended(message_id, 0) >= 0", String.class);

        JsonNode job;
        try (Connection hold = dataSource.getConnection()) {
            hold.setAutoCommit(false);
            try (PreparedStatement insert = hold.prepareStatement("""
                    insert into clearing.message (key_hash, originating_operator, message_id, terminating_operator, channel,
                        o_count, t_count, operators_agree, event_time, outcome, status)
                    values (hashtextextended(?, 0), 'ESPMV', ?, 'PRTOP', 'SMS', 0, 0, true, ?, 'PENDING_TERMINATING', 'PENDING')""")) {
                insert.setString(1, held);
                insert.setString(2, held);
                insert.setTimestamp(3, java.sql.Timestamp.from(AT));
                insert.executeUpdate();
            }
            HttpResponse<String> started = post("/api/v1/clearing/matching-runs?cutoff=2026-12-01T00:00:00Z", null, null);
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            String location = started.headers().firstValue("Location").orElseThrow();
            JsonNode[] seen = new JsonNode[1];
            await(() -> {
                seen[0] = json(location);
                return seen[0].get("phase").asString().endsWith("1 of 2 merged");
            });
            job = seen[0];
            hold.rollback();   // the held partition goes on
        }
        assertThat(job.get("status").asString()).isEqualTo("RUNNING");
        assertThat(job.get("done").asInt()).isEqualTo(2);
        assertThat(job.get("total").asInt()).isEqualTo(5);
        assertThat(job.get("phase").asString()).contains(" in 2 partitions: ");

        String location = "/api/v1/clearing/jobs/" + job.get("id").asString();
        await(() -> !"RUNNING".equals(json(location).get("status").asString()));
        JsonNode finished = json(location);
        assertThat(finished.get("status").asString()).as(finished.toString()).isEqualTo("SUCCEEDED");
        assertThat(finished.get("done").asInt()).isEqualTo(5);
        assertThat(jdbc.queryForObject("select count(*) from clearing.message where originating_operator = 'ESPMV' "
                + "and status = 'MATCHED'", Long.class)).isEqualTo(12);
    }

    private JsonNode json(String path) {
        try {
            return getJson(path);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
