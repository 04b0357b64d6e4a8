package io.mobim.clearing.it;

import static io.mobim.events.interop.InteropChannel.CLIENT;
import static io.mobim.events.interop.InteropChannel.SMS;
import static io.mobim.events.interop.InteropSide.ORIGINATING;
import static io.mobim.events.interop.InteropSide.TERMINATING;
import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.events.EventJson;
import io.mobim.events.JsonEventSerde;
import io.mobim.events.Topics;
import io.mobim.events.interop.InteropRecord;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Two operators' records of one month's traffic, GBRVF's from Kafka (some delivered twice, one unreadable, one from
 * 2019) and FRAF1's uploaded as CSV, matched and settled under a termination-fee agreement with rates in two
 * currencies: the statement's amounts are exact to the cent; a record FRAF1 dropped and a record it sent twice are
 * disputes, held out of netting; the October statement, once closed, does not change when the dropped record arrives
 * late, and that message is settled in November's as a late adjustment, with the resolved duplicate.
 */
class SettlementEndToEndTest extends ClearingApiTest {

    private static final String A = "GBRVF";
    private static final String B = "FRAF1";
    private static final Instant OCT = Instant.parse("2026-10-07T09:00:00Z");

    private static final String AGREEMENT = """
            {"partyA": "GBRVF", "partyB": "FRAF1", "validFrom": "2026-01-01", "chargingModel": "TERMINATION_FEE",
             "rates": [{"direction": "A_TO_B", "price": "0.0149", "currency": "EUR"},
                       {"direction": "B_TO_A", "price": "0.1234", "currency": "GBP"}],
             "settlementCurrency": "EUR", "fxRule": "AGREED", "exchangeRates": {"GBP": "1.1537"},
             "settlementPeriod": "MONTHLY", "timeToleranceSeconds": 300, "unitsTolerancePct": 0, "netting": "BILATERAL"}
            """;

    @Test
    void two_operators_records_settle_exactly_disputes_are_withheld_and_a_closed_period_never_changes() throws Exception {
        agreement("GBRVF-FRAF1", AGREEMENT);

        List<InteropRecord> kafkaA = new ArrayList<>();   // GBRVF's side
        List<InteropRecord> csvB = new ArrayList<>();     // FRAF1's side
        int[] units = {1, 2, 3, 1, 1, 2};
        for (int i = 0; i < units.length; i++) {         // A to B: 6 SMS, 10 units
            Instant sent = OCT.plusSeconds(3600L * i);
            kafkaA.add(Exchange.record(ORIGINATING, A, B, "a-" + i, sent, SMS, units[i]));
            csvB.add(Exchange.record(TERMINATING, A, B, "a-" + i, sent, SMS, units[i]));
        }
        InteropRecord dropped = Exchange.record(TERMINATING, A, B, "a-drop", OCT.plusSeconds(50_000), SMS, 2);
        kafkaA.add(Exchange.record(ORIGINATING, A, B, "a-drop", OCT.plusSeconds(50_000), SMS, 2));  // FRAF1 drops its side
        for (int i = 0; i < 5; i++) {                     // B to A: 5 client messages, the last reported twice by FRAF1
            Instant sent = OCT.plusSeconds(86_400L + 600L * i);
            String id = i == 4 ? "b-dup" : "b-" + i;
            csvB.add(Exchange.record(ORIGINATING, B, A, id, sent, CLIENT, 1));
            kafkaA.add(Exchange.record(TERMINATING, B, A, id, sent, CLIENT, 1));
        }
        csvB.add(Exchange.record(ORIGINATING, B, A, "b-dup", OCT.plusSeconds(86_400L + 2400), CLIENT, 1));

        publish(kafkaA, kafkaA.subList(0, 3));
        HttpResponse<String> upload = post("/api/v1/clearing/records", "text/csv", Exchange.csv(csvB));
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(200);
        assertThat(EventJson.mapper().readTree(upload.body()).get("imported").asLong()).isEqualTo(12);
        await(() -> records(A) == 12 + 12);               // each of GBRVF's 12 records once, redeliveries skipped

        List<ConsumerRecord<String, byte[]>> dead = deadLetters(2);
        assertThat(dead).extracting(r -> header(r, "mobim_dlt_reason"))
                .anySatisfy(reason -> assertThat(reason).contains("not a valid InteropRecord"))
                .anySatisfy(reason -> assertThat(reason).contains("event time 2019-03-01T10:00:00Z").contains("max-event-age"));
        assertThat(dead).allSatisfy(r -> assertThat(header(r, "mobim_dlt_kind")).isEqualTo("PERMANENT"));

        JsonNode run = runJob("/api/v1/clearing/matching-runs?cutoff=2026-12-01T00:00:00Z");
        assertThat(run.get("records").asLong()).isGreaterThanOrEqualTo(24);
        JsonNode disputes = getJson("/api/v1/clearing/disputes?agreementId=GBRVF-FRAF1&status=OPEN");
        assertThat(disputes).hasSize(2);
        assertThat(disputes).extracting(d -> d.get("messageId").asString() + ":" + d.get("reason").asString())
                .containsExactlyInAnyOrder("a-drop:ORIGINATING_ONLY", "b-dup:DUPLICATE");

        JsonNode october = statement("2026-10");
        assertThat(october.get("status").asString()).isEqualTo("CLOSED");
        JsonNode lines = october.get("lines");
        assertThat(lines).hasSize(2);
        assertLine(lines.get(0), "TRAFFIC", "A_TO_B", "SMS", "2026-10", 6, 10, "0.15", A, B);        // 10 x 0.0149 EUR = 0.149
        assertLine(lines.get(1), "TRAFFIC", "B_TO_A", "CLIENT", "2026-10", 4, 4, "0.57", B, A);      // 4 x 0.1234 GBP x 1.1537 = 0.5694...
        assertThat(october.get("grossAToB").decimalValue()).isEqualByComparingTo("0.15");
        assertThat(october.get("grossBToA").decimalValue()).isEqualByComparingTo("0.57");
        assertThat(october.get("netAmount").decimalValue()).isEqualByComparingTo("0.42");
        assertThat(october.get("netPayer").asString()).isEqualTo(B);
        JsonNode control = october.get("controlTotals");
        assertThat(control.get("messages").asLong()).isEqualTo(10);
        assertThat(control.get("units").asLong()).isEqualTo(14);
        assertThat(control.get("totalOwedMinor").asLong()).isEqualTo(72);
        assertThat(control.get("withheldMessages").asLong()).isEqualTo(2);
        assertThat(control.get("withheldAmount").decimalValue()).isEqualByComparingTo("0.17");   // 0.03 + 0.14, not netted
        assertThat(october.get("withheld")).extracting(l -> l.get("direction").asString() + ":" + l.get("amount").decimalValue())
                .containsExactly("A_TO_B:0.03", "B_TO_A:0.14");

        HttpResponse<String> csv = get("/api/v1/clearing/statements/" + october.get("id").asLong(), "text/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).contains(",TRAFFIC,A_TO_B,SMS,2026-10,1,6,10,0.0149,EUR,1,0.15,EUR,15,GBRVF,FRAF1\r\n")
                .contains(",NET,,,2026-10,,,,,,,0.42,EUR,42,FRAF1,GBRVF\r\n")
                .contains(",CONTROL_TOTAL,,,2026-10,,10,14,,,,0.72,EUR,72,,\r\n");
        String closedOctober = get("/api/v1/clearing/statements/" + october.get("id").asLong(), "application/json").body();

        // after the close: FRAF1's dropped record arrives, the duplicate is resolved, November has traffic of its own
        assertThat(post("/api/v1/clearing/records", "text/csv", Exchange.csv(List.of(dropped))).statusCode()).isEqualTo(200);
        long dup = disputes.findValues("id").stream().filter(id -> true).map(JsonNode::asLong)
                .filter(id -> dispute(id).get("messageId").asString().equals("b-dup")).findFirst().orElseThrow();
        HttpResponse<String> resolved = post("/api/v1/clearing/disputes/" + dup + "/resolve", "application/json",
                "{\"units\": 1, \"note\": \"one message, sent twice by FRAF1's relay\"}");
        assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);
        assertThat(post("/api/v1/clearing/disputes/" + dup + "/write-off", "application/json", "{}").statusCode()).isEqualTo(409);
        Instant nov = Instant.parse("2026-11-03T12:00:00Z");
        publish(List.of(Exchange.record(ORIGINATING, A, B, "a-nov", nov, SMS, 1)), List.of());
        post("/api/v1/clearing/records", "text/csv", Exchange.csv(List.of(Exchange.record(TERMINATING, A, B, "a-nov", nov, SMS, 1))));
        await(() -> records(A) == 12 + 12 + 3);
        runJob("/api/v1/clearing/matching-runs?cutoff=2026-12-01T00:00:00Z");
        assertThat(getJson("/api/v1/clearing/disputes?agreementId=GBRVF-FRAF1&status=OPEN")).isEmpty();

        assertThat(statement("2026-10").get("id").asLong()).isEqualTo(october.get("id").asLong());  // settled again: the same
        assertThat(get("/api/v1/clearing/statements/" + october.get("id").asLong(), "application/json").body()).isEqualTo(closedOctober);

        JsonNode november = statement("2026-11");
        JsonNode nl = november.get("lines");
        assertThat(nl).hasSize(3);
        assertLine(nl.get(0), "TRAFFIC", "A_TO_B", "SMS", "2026-11", 1, 1, "0.01", A, B);
        assertLine(nl.get(1), "LATE_ADJUSTMENT", "A_TO_B", "SMS", "2026-10", 1, 2, "0.03", A, B);
        assertLine(nl.get(2), "LATE_ADJUSTMENT", "B_TO_A", "CLIENT", "2026-10", 1, 1, "0.14", B, A);
        assertThat(november.get("grossAToB").decimalValue()).isEqualByComparingTo("0.04");
        assertThat(november.get("grossBToA").decimalValue()).isEqualByComparingTo("0.14");
        assertThat(november.get("netAmount").decimalValue()).isEqualByComparingTo("0.10");
        assertThat(november.get("netPayer").asString()).isEqualTo(B);
        assertThat(november.get("withheld")).isEmpty();
    }

    /** Closes the period's statement through a settlement job and reads it. */
    private JsonNode statement(String period) throws Exception {
        JsonNode result = runJob("/api/v1/clearing/settlements?agreementId=GBRVF-FRAF1&period=" + period + "&close=true");
        return getJson("/api/v1/clearing/statements/" + result.get(0).get("id").asLong());
    }

    private JsonNode dispute(long id) {
        try {
            return getJson("/api/v1/clearing/disputes/" + id);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void assertLine(JsonNode line, String kind, String direction, String channel, String eventPeriod, long messages,
            long units, String amount, String payer, String payee) {
        assertThat(line.get("kind").asString()).isEqualTo(kind);
        assertThat(line.get("direction").asString()).isEqualTo(direction);
        assertThat(line.get("channel").asString()).isEqualTo(channel);
        assertThat(line.get("eventPeriod").asString()).isEqualTo(eventPeriod);
        assertThat(line.get("messages").asLong()).isEqualTo(messages);
        assertThat(line.get("units").asLong()).isEqualTo(units);
        assertThat(line.get("amount").decimalValue()).isEqualByComparingTo(amount);
        assertThat(line.get("amountMinor").asLong()).isEqualTo(new java.math.BigDecimal(amount).movePointRight(2).longValueExact());
        assertThat(line.get("payer").asString()).isEqualTo(payer);
        assertThat(line.get("payee").asString()).isEqualTo(payee);
    }

    /** Publishes GBRVF's records, then {@code again} a second time (a relay's redelivery), plus two that can never be stored. */
    private void publish(List<InteropRecord> records, List<InteropRecord> again) {
        JsonEventSerde<InteropRecord> serde = new JsonEventSerde<>(InteropRecord.class);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", ClearingServices.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            for (InteropRecord r : records) {
                producer.send(new ProducerRecord<>(Topics.INTEROP_RECORDS, r.key(), serde.serialize(Topics.INTEROP_RECORDS, r)));
            }
            for (InteropRecord r : again) {
                producer.send(new ProducerRecord<>(Topics.INTEROP_RECORDS, r.key(), serde.serialize(Topics.INTEROP_RECORDS, r)));
            }
            if (!again.isEmpty()) {
                producer.send(new ProducerRecord<>(Topics.INTEROP_RECORDS, "GBRVF>FRAF1", "{\"recordId\":\"x\"}".getBytes(StandardCharsets.UTF_8)));
                InteropRecord ancient = InteropRecord.of(UUID.randomUUID(), ORIGINATING, A, B, "a-2019", "+447700900001",
                        "+33612345678", Instant.parse("2019-03-01T10:00:00Z"), SMS, 1);
                producer.send(new ProducerRecord<>(Topics.INTEROP_RECORDS, ancient.key(), serde.serialize(Topics.INTEROP_RECORDS, ancient)));
            }
            producer.flush();
        }
    }

    private long records(String operator) {
        Long n = jdbc.queryForObject("select count(*) from clearing.interop_record where originating_operator = ? "
                + "or terminating_operator = ?", Long.class, operator, operator);
        return n == null ? 0 : n;
    }

    private static List<ConsumerRecord<String, byte[]>> deadLetters(int atLeast) {
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", ClearingServices.bootstrapServers(),
                "group.id", "reader-" + UUID.randomUUID(), "auto.offset.reset", "earliest"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.deadLetter(Topics.INTEROP_RECORDS)));
            await(() -> {
                consumer.poll(java.time.Duration.ofMillis(200)).forEach(out::add);
                return out.size() >= atLeast;
            });
        }
        return out;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var h = record.headers().lastHeader(name);
        assertThat(h).as(name).isNotNull();
        return new String(h.value(), StandardCharsets.UTF_8);
    }
}
