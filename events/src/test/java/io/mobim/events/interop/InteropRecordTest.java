package io.mobim.events.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mobim.events.JsonEventSerde;
import io.mobim.events.MalformedEvent;
import io.mobim.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InteropRecordTest {

    private final JsonEventSerde<InteropRecord> serde = new JsonEventSerde<>(InteropRecord.class);

    private static InteropRecord sample(InteropSide side) {
        return InteropRecord.of(UUID.fromString("0190a1b2-0000-7000-8000-000000000001"), side, "GBRVF", "FRAF1", "m-42",
                "+447700900001", "+33612345678", Instant.parse("2026-10-03T10:15:30Z"), InteropChannel.SMS, 2);
    }

    @Test
    void both_sides_of_one_message_share_the_match_key_and_are_keyed_by_the_operator_pair() {
        InteropRecord o = sample(InteropSide.ORIGINATING);
        InteropRecord t = sample(InteropSide.TERMINATING);
        assertThat(o.matchKey()).isEqualTo(t.matchKey()).isEqualTo("GBRVF/m-42");
        assertThat(o.key()).isEqualTo("GBRVF>FRAF1");
        assertThat(o.reportingOperator()).isEqualTo("GBRVF");
        assertThat(t.reportingOperator()).isEqualTo("FRAF1");
        assertThat(o.toString()).doesNotContain("+447700900001").doesNotContain("+33612345678");
    }

    @Test
    void reads_back_what_it_writes() {
        InteropRecord r = sample(InteropSide.TERMINATING);
        byte[] json = serde.serialize(Topics.INTEROP_RECORDS, r);
        assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"side\":\"TERMINATING\"")
                .contains("\"eventTime\":\"2026-10-03T10:15:30Z\"");
        assertThat(serde.deserialize(Topics.INTEROP_RECORDS, json)).isEqualTo(r);
    }

    @Test
    void a_record_breaking_a_rule_does_not_read() {
        String good = new String(serde.serialize(Topics.INTEROP_RECORDS, sample(InteropSide.ORIGINATING)), StandardCharsets.UTF_8);
        assertThat(unreadable(good.replace("\"FRAF1\"", "\"GBRVF\""))).contains("are the same");
        assertThat(unreadable(good.replace("\"units\":2", "\"units\":0"))).contains("units must be 1..255");
        assertThat(unreadable(good.replace("\"+33612345678\"", "\"0612345678\""))).contains("recipient is not E.164");
        assertThat(unreadable(good.replace("\"GBRVF\"", "\"gb vf\""))).contains("originatingOperator is not an operator code");
        assertThat(unreadable(good.replace("\"ORIGINATING\"", "\"BOTH\""))).contains("InteropRecord");
        assertThat(unreadable(good.replace("\"m-42\"", "\"\""))).contains("messageId");
        assertThat(unreadable(good.replace("\"schemaVersion\":1", "\"schemaVersion\":2"))).contains("unsupported schemaVersion");
        assertThat(unreadable(good.replace("\"SMS\"", "\"CLIENT\""))).contains("a CLIENT message is 1 unit");
        assertThat(unreadable(good.replace(",\"eventTime\":\"2026-10-03T10:15:30Z\"", ""))).contains("eventTime");
    }

    private String unreadable(String json) {
        assertThatThrownBy(() -> serde.deserialize(Topics.INTEROP_RECORDS, json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEvent.class);
        try {
            serde.deserialize(Topics.INTEROP_RECORDS, json.getBytes(StandardCharsets.UTF_8));
            return "";
        } catch (MalformedEvent e) {
            return e.getMessage();
        }
    }
}
