package io.mobim.events.charging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.mobim.events.EventJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The streaming writer writes, byte for byte, what Jackson's generic record mapping writes (which is what the
 * published schema and every consumer were built against), with and without the relay's origin fields.
 */
class ChargingEventSerializerTest {

    /** The generic mapping, as {@link EventJson} was configured before the streaming writer. */
    private static final JsonMapper GENERIC = JsonMapper.builder()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    @JsonIgnoreProperties({"nodeId", "sequence"})
    private abstract static class WithoutOrigin {
    }

    /** The schema test's samples, and instants and texts that are written differently. */
    static Stream<ChargingEvent> events() {
        return Stream.concat(ChargingEventJsonTest.samples(), Stream.of(
                ChargingEvent.builder().eventId(UUID.randomUUID()).eventTime(Instant.parse("2026-11-02T09:15:30Z")).origin("im-\"q\"", 1)
                        .kind(ChargingKind.MESSAGE).channel(Channel.CLIENT).charged("+447700900123", ChargedRole.ORIGINATOR)
                        .messageId("m-\u00e9\t").other("room:caf\u00e9 \"chat\"\\x", null).build(),
                ChargingEvent.builder().eventId(UUID.randomUUID()).eventTime(Instant.parse("1999-12-31T23:59:59.123456789Z"))
                        .origin("im-1", Long.MAX_VALUE).kind(ChargingKind.SESSION_DATA).channel(Channel.CLIENT)
                        .charged("+447700900123", ChargedRole.SUBSCRIBER).bytes(0).build(),
                ChargingEvent.builder().eventId(UUID.randomUUID()).eventTime(Instant.parse("2026-11-02T09:15:30.100Z")).origin("im-1", 3)
                        .kind(ChargingKind.MESSAGE).channel(Channel.SMS).charged("+447700900123", ChargedRole.RECIPIENT)
                        .messageId("m-3").sms("77", 255).build()));
    }

    @ParameterizedTest
    @MethodSource("events")
    void writesWhatTheGenericMappingWrites(ChargingEvent event) {
        assertThat(text(EventJson.mapper().writeValueAsBytes(event))).isEqualTo(text(GENERIC.writeValueAsBytes(event)));
    }

    @ParameterizedTest
    @MethodSource("events")
    void withoutOriginWritesWhatTheGenericMappingWritesWithoutNodeAndSequence(ChargingEvent event) {
        String generic = text(GENERIC.rebuild().addMixIn(ChargingEvent.class, WithoutOrigin.class).build().writeValueAsBytes(event));
        assertThat(text(EventJson.chargingEventWithoutOrigin().writeValueAsBytes(event))).isEqualTo(generic)
                .doesNotContain("\"nodeId\"").doesNotContain("\"sequence\"");
    }

    @ParameterizedTest
    @MethodSource("events")
    void readsBackEqual(ChargingEvent event) {
        assertThat(EventJson.mapper().readValue(EventJson.mapper().writeValueAsBytes(event), ChargingEvent.class)).isEqualTo(event);
    }

    private static String text(byte[] json) {
        return new String(json, StandardCharsets.UTF_8);
    }
}
