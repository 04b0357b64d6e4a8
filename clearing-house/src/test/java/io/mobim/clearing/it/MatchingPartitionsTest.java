package io.mobim.clearing.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.events.interop.InteropChannel;
import io.mobim.events.interop.InteropRecord;
import io.mobim.events.interop.InteropSide;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A matching run merges its records in partitions of the message key, each committed on its own (operators NLDKP and
 * BELPR only): when one partition fails, the others' work stays, and the next run takes each partition up from where
 * it stands, so every message is matched once, none from a record merged twice.
 */
class MatchingPartitionsTest extends ClearingApiTest {

    private static final Instant AT = Instant.parse("2026-11-05T09:00:00Z");
    private static final int MESSAGES = 24;

    @Test
    void a_run_that_fails_in_one_partition_is_taken_up_by_the_next_without_merging_a_record_twice() throws Exception {
        agreement("NLDKP-BELPR", """
                {"partyA": "NLDKP", "partyB": "BELPR", "validFrom": "2026-01-01", "validTo": null,
                 "chargingModel": "TERMINATION_FEE",
                 "rates": [{"direction": "A_TO_B", "price": "0.02", "currency": "EUR"},
                           {"direction": "B_TO_A", "price": "0.03", "currency": "EUR"}],
                 "settlementCurrency": "EUR", "settlementPeriod": "MONTHLY", "timeToleranceSeconds": 60,
                 "unitsTolerancePct": 0, "netting": "BILATERAL"}
                """);
        List<InteropRecord> records = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            String id = "nl-" + i;
            records.add(Exchange.record(InteropSide.ORIGINATING, "NLDKP", "BELPR", id, AT.plusSeconds(i), InteropChannel.SMS, 1));
            records.add(Exchange.record(InteropSide.TERMINATING, "NLDKP", "BELPR", id, AT.plusSeconds(i), InteropChannel.SMS, 1));
        }
        HttpResponse<String> uploaded = post("/api/v1/clearing/records", "text/csv", Exchange.csv(records));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
        // the messages fall into both partitions, the poisoned one into the one that fails
        assertThat(jdbc.queryForList("select distinct hashtextextended(message_id, 0) >= 0 from clearing.interop_record "
                + "where originating_operator = 'NLDKP'", Boolean.class)).hasSize(2);

        // a fault in PostgreSQL while one partition writes the message nl-7
        jdbc.execute("""
                create function clearing.test_fault() returns trigger language plpgsql as $$
                begin raise exception 'injected fault'; end $$""");
        jdbc.execute("create trigger test_fault before insert on clearing.message for each row "
                + "when (new.message_id = 'nl-7') execute function clearing.test_fault()");
        try {
            JsonNode failed = finishedJob("/api/v1/clearing/matching-runs?cutoff=2026-12-01T00:00:00Z");
            assertThat(failed.get("status").asString()).isEqualTo("FAILED");
            assertThat(failed.get("error").asString()).contains("injected fault");
        } finally {
            jdbc.execute("drop trigger test_fault on clearing.message");
            jdbc.execute("drop function clearing.test_fault()");
        }
        long kept = matched();
        assertThat(kept).as("the partition that did not fail kept its work").isPositive().isLessThan(MESSAGES);

        runJob("/api/v1/clearing/matching-runs?cutoff=2026-12-01T00:00:00Z");
        assertThat(matched()).isEqualTo(MESSAGES);
        assertThat(jdbc.queryForList("select outcome, o_count, t_count from clearing.message where originating_operator = 'NLDKP'"))
                .hasSize(MESSAGES)
                .allSatisfy(m -> assertThat(m).containsAllEntriesOf(Map.of("outcome", "MATCHED", "o_count", 1, "t_count", 1)));
    }

    private long matched() {
        Long n = jdbc.queryForObject("select count(*) from clearing.message where originating_operator = 'NLDKP' and status = 'MATCHED'",
                Long.class);
        return n == null ? 0 : n;
    }
}
