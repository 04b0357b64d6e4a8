package io.mobim.clearing.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.events.EventJson;
import io.mobim.events.interop.InteropChannel;
import io.mobim.events.interop.InteropRecord;
import io.mobim.events.interop.InteropSide;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An operator's CSV upload of records (operators DEUD1 and ITAOM only): a file with bad lines is refused whole, every
 * bad line reported with its number and reason; a good file is imported whole, and again only as duplicates.
 */
class RecordsUploadTest extends ClearingApiTest {

    private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void a_file_with_a_bad_line_is_refused_whole_with_each_bad_line_and_its_reason() throws Exception {
        List<InteropRecord> good = List.of(
                Exchange.record(InteropSide.ORIGINATING, "DEUD1", "ITAOM", "u-1", AT, InteropChannel.SMS, 1),
                Exchange.record(InteropSide.ORIGINATING, "DEUD1", "ITAOM", "u-2", AT, InteropChannel.SMS, 2),
                Exchange.record(InteropSide.TERMINATING, "ITAOM", "DEUD1", "u-3", AT, InteropChannel.CLIENT, 1));
        String csv = Exchange.csv(good);
        String[] lines = csv.split("\r\n");
        String bad = lines[0] + "\r\n" + lines[1] + "\r\n"
                + lines[2].replace(",2\r", ",x\r").replaceFirst(",2$", ",x") + "\r\n"   // line 3: units not a number
                + lines[3] + "\r\n"
                + lines[1].replace("u-1", "u-4").replace("+447700900", "0770090") + "\r\n" // line 5: sender not E.164 (and a repeated id)
                + lines[3].replace("2026-11-20T10:00:20Z", "2026-13-40T10:00:00Z") + "\r\n"; // line 6: no such date

        HttpResponse<String> refused = post("/api/v1/clearing/records", "text/csv", bad);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        JsonNode problem = EventJson.mapper().readTree(refused.body());
        assertThat(problem.get("detail").asString()).contains("nothing of the file was imported");
        assertThat(problem.get("rejected")).extracting(r -> r.get("line").asLong()).containsExactly(3L, 5L, 6L);
        assertThat(problem.get("rejected").get(0).get("reason").asString()).isEqualTo("units is not a whole number: 'x'");
        assertThat(problem.get("rejected").get(1).get("reason").asString()).contains("sender is not E.164");
        assertThat(problem.get("rejected").get(2).get("reason").asString()).contains("event_time is not an ISO-8601 UTC instant");
        assertThat(stored()).isZero();

        HttpResponse<String> imported = post("/api/v1/clearing/records", "text/csv", csv);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(EventJson.mapper().readTree(imported.body()).get("imported").asLong()).isEqualTo(3);
        assertThat(stored()).isEqualTo(3);

        JsonNode again = EventJson.mapper().readTree(post("/api/v1/clearing/records", "text/csv", csv).body());
        assertThat(again.get("imported").asLong()).isZero();
        assertThat(again.get("duplicates").asLong()).isEqualTo(3);
        assertThat(stored()).isEqualTo(3);
    }

    @Test
    void a_file_without_the_header_or_with_a_record_twice_is_refused() throws Exception {
        HttpResponse<String> noHeader = post("/api/v1/clearing/records", "text/csv", "record_id,side\r\n");
        assertThat(noHeader.statusCode()).isEqualTo(422);
        assertThat(EventJson.mapper().readTree(noHeader.body()).get("rejected").get(0).get("line").asLong()).isEqualTo(1);

        InteropRecord r = Exchange.record(InteropSide.ORIGINATING, "DEUD1", "ITAOM", "u-twice", AT, InteropChannel.SMS, 1);
        HttpResponse<String> twice = post("/api/v1/clearing/records", "text/csv", Exchange.csv(List.of(r, r)));
        assertThat(twice.statusCode()).isEqualTo(422);
        JsonNode rejected = EventJson.mapper().readTree(twice.body()).get("rejected");
        assertThat(rejected).hasSize(1);
        assertThat(rejected.get(0).get("line").asLong()).isEqualTo(3);
        assertThat(rejected.get(0).get("reason").asString()).contains("is already on line 2");
    }

    private long stored() {
        Long n = jdbc.queryForObject("select count(*) from clearing.interop_record where message_id like 'u-%' "
                + "and (originating_operator = 'DEUD1' or terminating_operator = 'DEUD1')", Long.class);
        return n == null ? 0 : n;
    }
}
