package io.mobim.clearing.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.mobim.events.interop.InteropChannel;
import io.mobim.events.interop.InteropRecord;
import io.mobim.events.interop.InteropSide;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Matching partitions by remainder of the key hash that a failed run left at different positions (as a release before
 * key ranges left them) are taken up as such, then made key ranges (operators LUXPT and BELBA only).
 */
class RemainderPartitionsTest extends ClearingApiTest {

    private static final Instant AT = Instant.parse("2026-11-07T08:00:00Z");

    @Test
    void partitions_by_remainder_are_taken_up_where_they_stand_then_made_ranges() throws Exception {
        senderKeepsAll("LUXPT", "BELBA", "MONTHLY");
        runJob("/api/v1/clearing/matching-runs?cutoff=2026-12-01T00:00:00Z");
        long before = position();

        // messages of remainder 1 only, with hashes on both sides of the split between the two key ranges: taken as
        // ranges, the partition standing further on would skip some of them
        List<String> ids = jdbc.queryForList("select id from unnest(?::text[]) as id where abs(hashtextextended(id, 0) % 2) = 1",
                String.class, (Object) IntStream.range(0, 40).mapToObj(i -> "lu-" + i).toArray(String[]::new));
        assertThat(jdbc.queryForList("select distinct hashtextextended(id, 0) >= 0 from unnest(?::text[]) as id", Boolean.class,
                (Object) ids.toArray(String[]::new))).hasSize(2);
        List<InteropRecord> records = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            records.add(Exchange.record(InteropSide.ORIGINATING, "LUXPT", "BELBA", ids.get(i), AT.plusSeconds(i), InteropChannel.SMS, 1));
            records.add(Exchange.record(InteropSide.TERMINATING, "LUXPT", "BELBA", ids.get(i), AT.plusSeconds(i), InteropChannel.SMS, 1));
        }
        HttpResponse<String> uploaded = post("/api/v1/clearing/records", "text/csv", Exchange.csv(records));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
        long after = jdbc.queryForObject("select max(seq) from clearing.interop_record", Long.class);
        // remainder 0 merged all of it (none of these messages), remainder 1 none
        jdbc.update("delete from clearing.match_partition");
        jdbc.update("insert into clearing.match_partition (part, last_seq) values (0, ?), (1, ?)", after, before);

        runJob("/api/v1/clearing/matching-runs?cutoff=2026-12-01T00:00:00Z");
        assertThat(jdbc.queryForObject("select count(*) from clearing.message where originating_operator = 'LUXPT' "
                + "and status = 'MATCHED' and o_count = 1 and t_count = 1", Long.class)).isEqualTo(ids.size());

        runJob("/api/v1/clearing/matching-runs?cutoff=2026-12-01T00:00:00Z");
        assertThat(jdbc.queryForList("select key_from, key_to from clearing.match_partition order by part"))
                .extracting(r -> r.get("key_from"), r -> r.get("key_to"))
                .containsExactly(tuple(Long.MIN_VALUE, -1L),
                        tuple(0L, Long.MAX_VALUE));
    }

    private long position() {
        List<Long> positions = jdbc.queryForList("select distinct last_seq from clearing.match_partition", Long.class);
        assertThat(positions).hasSize(1);
        return positions.get(0);
    }
}
