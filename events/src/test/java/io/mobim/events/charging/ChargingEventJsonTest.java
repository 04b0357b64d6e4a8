package io.mobim.events.charging;

import io.mobim.events.HandCheckedRules;
import io.mobim.events.Msisdn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mobim.events.EventJson;
import io.mobim.events.JsonEventSerde;
import io.mobim.events.MalformedEvent;
import io.mobim.events.Topics;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSON a {@link ChargingEvent} writes is the JSON its published schema documents, and reads back equal. */
class ChargingEventJsonTest {

    private static final Instant AT = Instant.parse("2026-11-02T09:15:30.250Z");
    private final JsonEventSerde<ChargingEvent> serde = new JsonEventSerde<>(ChargingEvent.class);

    static Stream<ChargingEvent> samples() {
        return Stream.of(
                ChargingEvent.builder().eventId(UUID.fromString("0193a1f4-7c2e-7000-8000-000000000001")).eventTime(AT)
                        .origin("im-1", 41).kind(ChargingKind.MESSAGE).channel(Channel.SMS)
                        .charged("+447700900123", ChargedRole.ORIGINATOR).tariffPlan("VODAFONE_UK")
                        .messageId("m-1").other("+447700900456", null).sms("SMSC-77", 2).build(),
                ChargingEvent.builder().eventId(UUID.randomUUID()).eventTime(AT).origin("im-1", 42)
                        .kind(ChargingKind.MESSAGE).channel(Channel.SMS).service(true)
                        .charged("+447700900123", ChargedRole.RECIPIENT).messageId("help-1").sms(null, 1).build(),
                ChargingEvent.builder().eventId(UUID.randomUUID()).eventTime(AT).origin("im-2", 7)
                        .kind(ChargingKind.MESSAGE).channel(Channel.INTEROP)
                        .charged("+33612345678", ChargedRole.RECIPIENT).tariffPlan("ORANGE_FR_CHAT")
                        .messageId("m-2").other("+4915112345678", "26207").build(),
                ChargingEvent.builder().eventId(UUID.randomUUID()).eventTime(AT).origin("im-2", 8)
                        .kind(ChargingKind.SESSION_DATA).channel(Channel.CLIENT)
                        .charged("+4915112345678", ChargedRole.SUBSCRIBER).tariffPlan("O2_DE").bytes(20481).build(),
                ChargingEvent.builder().eventId(UUID.randomUUID()).eventTime(AT).origin("im-2", 9)
                        .kind(ChargingKind.DAILY_ACCESS).channel(Channel.CLIENT)
                        .charged("+4915112345678", ChargedRole.SUBSCRIBER).tariffPlan("O2_DE").build());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void round_trips_through_the_topic_serde(ChargingEvent event) {
        byte[] json = serde.serialize(Topics.CHARGING, event);
        assertThat(serde.deserialize(Topics.CHARGING, json)).isEqualTo(event);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void writes_only_documented_fields_and_all_required_ones(ChargingEvent event) {
        JsonNode written = EventJson.mapper().readTree(serde.serialize(Topics.CHARGING, event));
        assertThat(fieldNames(written)).isSubsetOf(fieldNames(schema().get("properties")));
        assertThat(fieldNames(written)).containsAll(required());
        assertThat(written.get("eventTime").asString()).isEqualTo("2026-11-02T09:15:30.250Z");
    }

    @Test
    void thePlanIdCheckAgreesWithItsPattern() {
        HandCheckedRules.agree(ChargingEvent::isPlanId, ChargingEvent.PLAN_ID, "ABZ_a0", "AZ09_", "az-_ É", 66);
        assertThat(ChargingEvent.isPlanId("P" + "_9".repeat(31) + "Z")).isTrue();
        assertThat(ChargingEvent.isPlanId("P" + "_9".repeat(32))).as("65 characters").isFalse();
    }

    @Test
    void schema_documents_every_record_component() {
        Set<String> components = new LinkedHashSet<>();
        Arrays.stream(ChargingEvent.class.getRecordComponents()).forEach(c -> components.add(c.getName()));
        assertThat(fieldNames(schema().get("properties"))).containsExactlyElementsOf(components);
        assertThat(schema().get("properties").get("schemaVersion").get("maximum").asInt()).isEqualTo(ChargingEvent.SCHEMA_VERSION);
    }

    @Test
    void schema_enums_are_the_java_enums() {
        JsonNode props = schema().get("properties");
        assertThat(strings(props.get("kind").get("enum"))).containsExactly(names(ChargingKind.values()));
        assertThat(strings(props.get("channel").get("enum"))).containsExactly(names(Channel.values()));
        assertThat(strings(props.get("chargedRole").get("enum"))).containsExactly(names(ChargedRole.values()));
        assertThat(props.get("chargedMsisdn").get("pattern").asString()).isEqualTo("^" + Msisdn.E164.pattern() + "$");
        assertThat(props.get("tariffPlan").get("pattern").asString()).isEqualTo("^" + ChargingEvent.PLAN_ID.pattern() + "$");
    }

    @Test
    void a_record_missing_any_required_field_is_malformed() {
        ChargingEvent event = samples().findFirst().orElseThrow();
        for (String field : required()) {
            ObjectNode json = (ObjectNode) EventJson.mapper().valueToTree(event);
            json.remove(field);
            byte[] bytes = EventJson.mapper().writeValueAsBytes(json);
            assertThatThrownBy(() -> serde.deserialize(Topics.CHARGING, bytes))
                    .as("without %s", field).isInstanceOf(MalformedEvent.class);
        }
    }

    @Test
    void conditional_fields_are_enforced() {
        ObjectNode sms = (ObjectNode) EventJson.mapper().valueToTree(samples().findFirst().orElseThrow());
        assertMalformed(sms.deepCopy().putNull("segments"));               // SMS needs segments
        assertMalformed(sms.deepCopy().putNull("messageId"));              // messages need a message id
        assertMalformed(sms.deepCopy().put("chargedRole", "SUBSCRIBER"));  // a message has a direction
        assertMalformed(sms.deepCopy().put("chargedMsisdn", "07700900123"));
        assertMalformed(sms.deepCopy().put("schemaVersion", 2));
        assertMalformed(sms.deepCopy().put("bytes", 10));
        assertMalformed(sms.deepCopy().put("channel", "CLIENT"));          // segments on a client message
        assertThat(serde.deserialize(Topics.CHARGING, EventJson.mapper().writeValueAsBytes(sms.deepCopy().put("newerField", "x"))))
                .as("unknown fields are ignored").isNotNull();
        ObjectNode withoutService = sms.deepCopy();
        withoutService.remove("service");
        assertThat(serde.deserialize(Topics.CHARGING, EventJson.mapper().writeValueAsBytes(withoutService)).service())
                .as("service is optional and defaults to false").isFalse();
        assertThatThrownBy(() -> serde.deserialize(Topics.CHARGING, "not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEvent.class);
    }

    @Test
    void role_gives_the_direction_and_the_key_is_the_charged_msisdn() {
        ChargingEvent sent = samples().findFirst().orElseThrow();
        assertThat(sent.direction()).isEqualTo(Direction.SENT);
        assertThat(sent.key()).isEqualTo("+447700900123");
        assertThat(ChargedRole.RECIPIENT.direction()).isEqualTo(Direction.RECEIVED);
        assertThat(ChargedRole.SUBSCRIBER.direction()).isNull();
        assertThat(sent.toString()).doesNotContain("+447700900123").doesNotContain("+447700900456");
    }

    private void assertMalformed(ObjectNode json) {
        byte[] bytes = EventJson.mapper().writeValueAsBytes(json);
        assertThatThrownBy(() -> serde.deserialize(Topics.CHARGING, bytes)).isInstanceOf(MalformedEvent.class);
    }

    private static JsonNode schema() {
        try (InputStream in = ChargingEvent.class.getResourceAsStream(ChargingEvent.SCHEMA_RESOURCE)) {
            assertThat(in).as("schema resource").isNotNull();
            return EventJson.mapper().readTree(in);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> required() {
        return strings(schema().get("required"));
    }

    private static List<String> fieldNames(JsonNode node) {
        return new ArrayList<>(node.propertyNames());
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    private static String[] names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toArray(String[]::new);
    }
}
