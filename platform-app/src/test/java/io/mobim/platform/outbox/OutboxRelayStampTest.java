package io.mobim.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.mobim.events.EventJson;
import io.mobim.events.JsonEventSerde;
import io.mobim.events.Topics;
import io.mobim.events.charging.Channel;
import io.mobim.events.charging.ChargedRole;
import io.mobim.events.charging.ChargingEvent;
import io.mobim.events.charging.ChargingKind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The relay adds the publishing node and its sequence number to a record written without them, without re-parsing it. */
class OutboxRelayStampTest {

    private static JsonNode stamped(String json, String nodeId, long sequence) {
        byte[] out = OutboxRelay.stamp(json.getBytes(StandardCharsets.UTF_8), EventJson.mapper().writeValueAsString(nodeId), sequence);
        return EventJson.mapper().readTree(out);
    }

    @Test
    void theFieldsAreAddedAndTheRestIsKept() {
        JsonNode event = stamped("{\"eventId\":\"e-1\",\"text\":\"a } brace\"}\n", "node \"7\"", 42);
        assertThat(event.get("eventId").asString()).isEqualTo("e-1");
        assertThat(event.get("text").asString()).isEqualTo("a } brace");
        assertThat(event.get("nodeId").asString()).isEqualTo("node \"7\"");
        assertThat(event.get("sequence").asLong()).isEqualTo(42);
    }

    @Test
    void anEmptyObjectGetsNoStrayComma() {
        assertThat(stamped(" { } ", "n1", 1).size()).isEqualTo(2);
    }

    @Test
    void aChargingEventWrittenWithoutItsOriginReadsBackWholeOnceStamped() {
        ChargingEvent event = ChargingEvent.builder().eventId(UUID.randomUUID()).eventTime(Instant.parse("2026-11-02T09:15:30.250Z"))
                .origin("im-7", 9_000_000_001L).kind(ChargingKind.MESSAGE).channel(Channel.SMS)
                .charged("+447700900123", ChargedRole.ORIGINATOR).tariffPlan("VODAFONE_UK").messageId("m-1")
                .other("+447700900456", null).sms("SMSC-77", 2).build();
        // as the charging recorder appends it to the outbox: without nodeId and sequence
        byte[] written = EventJson.chargingEventWithoutOrigin().writeValueAsBytes(event);
        assertThat(new String(written, StandardCharsets.UTF_8)).doesNotContain("nodeId").doesNotContain("sequence");

        byte[] relayed = OutboxRelay.stamp(written, EventJson.mapper().writeValueAsString("im-7"), 9_000_000_001L);
        assertThat(new JsonEventSerde<>(ChargingEvent.class).deserialize(Topics.CHARGING, relayed)).isEqualTo(event);
    }

    @Test
    void anythingButAnObjectIsRefused() {
        assertThatIllegalStateException().isThrownBy(() -> OutboxRelay.stamp("[1]".getBytes(StandardCharsets.UTF_8), "\"n\"", 1));
    }
}
