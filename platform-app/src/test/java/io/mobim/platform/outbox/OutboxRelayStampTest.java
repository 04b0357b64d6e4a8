package io.mobim.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.mobim.events.EventJson;
import java.nio.charset.StandardCharsets;
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
    void anythingButAnObjectIsRefused() {
        assertThatIllegalStateException().isThrownBy(() -> OutboxRelay.stamp("[1]".getBytes(StandardCharsets.UTF_8), "\"n\"", 1));
    }
}
