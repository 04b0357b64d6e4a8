package io.mobim.events.charging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mobim.events.EventJson;
import io.mobim.events.IsoInstantDeserializer;
import io.mobim.events.JsonEventSerde;
import io.mobim.events.MalformedEvent;
import io.mobim.events.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The hand-written {@link ChargingEventDeserializer} (which {@link EventJson} uses) accepts and rejects what the
 * generic record mapping did, value for value: checked on the published schema's examples (the outbox relay's
 * form, nodeId and sequence last) and on every field of them replaced by wrong, odd or missing values.
 */
class ChargingEventDeserializerTest {

    /** The mapping before the hand-written readers: Jackson's record creator and its own Instant parsing. */
    private static final JsonMapper GENERIC = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonEventSerde<ChargingEvent> serde = new JsonEventSerde<>(ChargingEvent.class);

    @Test
    void reads_every_schema_example_as_the_generic_mapping_does() {
        List<JsonNode> examples = examples();
        assertThat(examples).hasSizeGreaterThanOrEqualTo(5);
        for (JsonNode example : examples) {
            byte[] json = EventJson.mapper().writeValueAsBytes(example);
            ChargingEvent event = serde.deserialize(Topics.CHARGING, json);
            assertThat(event).isEqualTo(GENERIC.readValue(json, ChargingEvent.class));
            assertThat(event.nodeId()).isEqualTo(example.get("nodeId").asString());
            assertThat(event.sequence()).isEqualTo(example.get("sequence").asLong());
            assertThat(event.eventTime()).isEqualTo(Instant.parse(example.get("eventTime").asString()));
            assertThat(event.eventId()).isEqualTo(UUID.fromString(example.get("eventId").asString()));
        }
        assertThat(examples.stream().map(e -> e.get("kind").asString()).distinct()).contains("MESSAGE", "SESSION_DATA", "DAILY_ACCESS");
    }

    @Test
    void accepts_and_rejects_what_the_generic_mapping_does_for_every_field() {
        List<JsonNode> variants = new ArrayList<>(List.of(
                NODES.nullNode(), NODES.stringNode(""), NODES.stringNode(" "), NODES.stringNode("x"),
                NODES.stringNode("1"), NODES.stringNode("2"), NODES.stringNode("true"), NODES.numberNode(0),
                NODES.numberNode(1), NODES.numberNode(2), NODES.numberNode(-1), NODES.numberNode(300),
                NODES.numberNode(1.5), NODES.numberNode(1.0), NODES.numberNode(Long.MAX_VALUE),
                NODES.numberNode(new java.math.BigInteger("99999999999999999999")), NODES.booleanNode(true),
                NODES.booleanNode(false), NODES.objectNode(), NODES.arrayNode(), NODES.arrayNode().add(1),
                NODES.objectNode().put("a", 1),
                // enums
                NODES.stringNode("MESSAGE"), NODES.stringNode("message"), NODES.stringNode("SESSION_DATA"),
                NODES.stringNode("CLIENT"), NODES.stringNode("SMS"), NODES.stringNode("SUBSCRIBER"),
                NODES.stringNode("RECIPIENT"), NODES.stringNode("BOGUS"),
                // ids and texts
                NODES.stringNode("0193a1f4-7c2e-7000-8000-00000000000f"), NODES.stringNode("0193a1f4-7c2e-7000-8000-00000000000g"),
                NODES.stringNode("0193a1f47c2e-7000-8000-000000000000f"), NODES.stringNode("+193a1f4-7c2e-7000-8000-00000000000f"),
                NODES.stringNode("1-1-1-1-1"), NODES.stringNode("AZOh9HwucACAAAAAAAAAAQ=="), NODES.stringNode("+447700900999"),
                NODES.stringNode("VODAFONE_UK"), NODES.stringNode("x".repeat(129)),
                // instants: the fast form, and every neighbour of it that goes to Jackson's own parsing
                NODES.stringNode("2026-11-02T09:15:30Z"), NODES.stringNode("2026-11-02T09:15:30.1Z"),
                NODES.stringNode("2026-11-02T09:15:30.123456789Z"), NODES.stringNode("2026-11-02T09:15:30.1234567891Z"),
                NODES.stringNode("2026-11-02T09:15:30.Z"), NODES.stringNode("2026-11-02T09:15:30z"),
                NODES.stringNode("2026-11-02t09:15:30Z"), NODES.stringNode("2026-11-02T09:15:30+01:00"),
                NODES.stringNode("2026-11-02T09:15:30.250+00:00"), NODES.stringNode("2026-11-02T09:15Z"),
                NODES.stringNode("2026-11-02 09:15:30Z"), NODES.stringNode("2026-02-29T00:00:00Z"),
                NODES.stringNode("2028-02-29T00:00:00Z"), NODES.stringNode("2026-04-31T00:00:00Z"),
                NODES.stringNode("2026-13-01T00:00:00Z"), NODES.stringNode("2026-00-01T00:00:00Z"),
                NODES.stringNode("2026-11-02T24:00:00Z"), NODES.stringNode("2026-11-02T23:60:00Z"),
                NODES.stringNode("2026-11-02T23:59:60Z"), NODES.stringNode("0000-01-01T00:00:00Z"),
                NODES.stringNode("9999-12-31T23:59:59.999999999Z"), NODES.stringNode("+12026-11-02T09:15:30Z"),
                NODES.stringNode("-0001-11-02T09:15:30Z"), NODES.stringNode("2026-11-02T09:15:3aZ"),
                NODES.stringNode(" 2026-11-02T09:15:30Z"), NODES.stringNode("1762074930"), NODES.numberNode(1762074930L),
                NODES.numberNode(1762074930.25)));
        int compared = 0;
        for (JsonNode example : examples()) {
            List<String> fields = new ArrayList<>(example.propertyNames());
            fields.add("newerField");
            for (String field : fields) {
                ObjectNode without = (ObjectNode) example.deepCopy();
                without.remove(field);
                assertSameOutcome(EventJson.mapper().writeValueAsBytes(without), "without " + field);
                for (JsonNode value : variants) {
                    ObjectNode changed = ((ObjectNode) example.deepCopy()).set(field, value);
                    assertSameOutcome(EventJson.mapper().writeValueAsBytes(changed), field + " = " + value);
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(1_000);
    }

    @Test
    void odd_documents_are_read_as_the_generic_mapping_reads_them() {
        String first = EventJson.mapper().writeValueAsString(examples().get(0));
        String body = first.substring(1, first.length() - 1);
        for (String json : List.of(
                first.replace("{", "{ \n\t").replace(",", " ,\n "),                 // whitespace anywhere
                "{" + body + ",\"kind\":\"SESSION_DATA\"}",                           // duplicate field: the last one wins
                "{" + body + ",\"sequence\":43}",
                "{\"future\":{\"a\":[1,{\"b\":null}],\"c\":\"d\"}," + body + "}",      // nested unknown field first
                "{" + body + ",\"extra\":[[],{}]}",
                "{" + body + "} trailing", "{" + body, body, "{}", "[]", "[" + first + "]", "\"x\"", "1", "null", "true",
                "not json", "")) {
            assertSameOutcome(json.getBytes(StandardCharsets.UTF_8), json);
        }
    }

    @Test
    void a_rejected_record_reads_as_malformed_with_the_constructor_reason() {
        ObjectNode sms = (ObjectNode) examples().get(0).deepCopy();
        sms.put("segments", 0);
        assertThatThrownBy(() -> serde.deserialize(Topics.CHARGING, EventJson.mapper().writeValueAsBytes(sms)))
                .isInstanceOf(MalformedEvent.class)
                .hasMessageContaining("not a valid ChargingEvent on charging.v1")
                .hasMessageContaining("an SMS message needs segments in 1..255");
        ObjectNode badTime = (ObjectNode) examples().get(0).deepCopy();
        badTime.put("eventTime", "2026-04-31T00:00:00Z");
        assertThatThrownBy(() -> serde.deserialize(Topics.CHARGING, EventJson.mapper().writeValueAsBytes(badTime)))
                .isInstanceOf(MalformedEvent.class).hasMessageContaining("eventTime");
    }

    @Test
    void fast_instants_are_the_instants_java_time_parses() {
        Random random = new Random(6);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_167_219_200L, 253_402_300_800L),
                    switch (i % 4) {
                        case 0 -> 0;
                        case 1 -> random.nextInt(1000) * 1_000_000;
                        case 2 -> random.nextInt(1_000_000) * 1000;
                        default -> random.nextInt(1_000_000_000);
                    });
            char[] text = ("\"" + instant + "\"").toCharArray();
            assertThat(IsoInstantDeserializer.parseUtc(text, 1, text.length - 2)).as(instant.toString()).isEqualTo(instant);
        }
        char[] fiveDigitFraction = "2026-11-02T09:15:30.12345Z".toCharArray();
        assertThat(IsoInstantDeserializer.parseUtc(fiveDigitFraction, 0, fiveDigitFraction.length))
                .isEqualTo(Instant.parse("2026-11-02T09:15:30.12345Z"));
    }

    private static void assertSameOutcome(byte[] json, String what) {
        assertThat(outcome(EventJson.mapper(), json)).as(what).isEqualTo(outcome(GENERIC, json));
    }

    /** The event read, or "rejected" when the reading failed as the serde counts failures. */
    private static String outcome(JsonMapper mapper, byte[] json) {
        try {
            return String.valueOf(mapper.readValue(json, ChargingEvent.class) instanceof ChargingEvent e
                    ? e.toString() + e.chargedMsisdn() + e.otherParty() : null);
        } catch (tools.jackson.core.JacksonException | IllegalArgumentException | NullPointerException e) {
            return "rejected";
        }
    }

    private static List<JsonNode> examples() {
        try (InputStream in = ChargingEvent.class.getResourceAsStream(ChargingEvent.SCHEMA_RESOURCE)) {
            List<JsonNode> out = new ArrayList<>();
            EventJson.mapper().readTree(in).get("examples").forEach(out::add);
            return out;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
