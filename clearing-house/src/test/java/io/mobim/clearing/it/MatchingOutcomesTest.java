package io.mobim.clearing.it;

import static io.mobim.events.interop.InteropChannel.CLIENT;
import static io.mobim.events.interop.InteropChannel.SMS;
import static io.mobim.events.interop.InteropSide.ORIGINATING;
import static io.mobim.events.interop.InteropSide.TERMINATING;
import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.events.interop.InteropChannel;
import io.mobim.events.interop.InteropRecord;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Each outcome of matching, end to end: both sides' records uploaded, matched by a run, disputes listed, resolved and
 * written off through the API, and what each does to the statements that follow; the charging models without a
 * per-message fee (hub fee, sender keeps all) and a weekly settlement period. Each test has operators of its own.
 */
class MatchingOutcomesTest extends ClearingApiTest {

    private static final Instant NOV = Instant.parse("2026-11-10T09:00:00Z");
    private static final String RUN = "/api/v1/clearing/matching-runs?cutoff=2026-12-01T00:00:00Z";

    @Test
    void records_outside_the_tolerances_are_disputes_and_decisions_on_them_reach_the_next_statements() throws Exception {
        agreement("ITATM-DEUD2", """
                {"partyA": "ITATM", "partyB": "DEUD2", "validFrom": "2026-01-01", "chargingModel": "TERMINATION_FEE",
                 "rates": [{"direction": "A_TO_B", "price": "0.05", "currency": "EUR"},
                           {"direction": "B_TO_A", "price": "0.05", "currency": "EUR"}],
                 "settlementCurrency": "EUR", "settlementPeriod": "MONTHLY", "timeToleranceSeconds": 300,
                 "unitsTolerancePct": 0, "netting": "BILATERAL"}""");
        List<InteropRecord> records = new ArrayList<>();
        both(records, "ITATM", "DEUD2", "it-ok", NOV, 1, 1);
        // the terminating side's time is 20 s after the sending time given: 300 s apart is within, 301 s outside
        records.add(Exchange.record(ORIGINATING, "ITATM", "DEUD2", "it-edge", NOV, SMS, 1));
        records.add(Exchange.record(TERMINATING, "ITATM", "DEUD2", "it-edge", NOV.plusSeconds(280), SMS, 1));
        records.add(Exchange.record(ORIGINATING, "ITATM", "DEUD2", "it-late", NOV, SMS, 1));
        records.add(Exchange.record(TERMINATING, "ITATM", "DEUD2", "it-late", NOV.plusSeconds(281), SMS, 1));
        both(records, "ITATM", "DEUD2", "it-units", NOV, 2, 3);
        records.add(Exchange.record(ORIGINATING, "ITATM", "DEUD2", "it-operator", NOV, SMS, 1));
        // the terminating side names another operator (one that sorts before DEUD2, without an agreement with ITATM)
        records.add(Exchange.record(TERMINATING, "ITATM", "DEUA1", "it-operator", NOV, SMS, 1));
        records.add(Exchange.record(TERMINATING, "ITATM", "DEUA1", "it-operator-later", NOV, SMS, 1));   // its other side comes later
        records.add(Exchange.record(TERMINATING, "ITATM", "DEUD2", "it-t-only", NOV, SMS, 1));
        records.add(Exchange.record(TERMINATING, "ITATM", "DEUD2", "it-waiting", Instant.parse("2026-12-03T10:00:00Z"), SMS, 1));
        upload(records);

        runJob(RUN);
        Map<String, JsonNode> open = disputes("ITATM", "OPEN");
        assertThat(reasons(open)).containsExactlyInAnyOrderEntriesOf(Map.of("it-late", "TIME_MISMATCH",
                "it-units", "UNITS_MISMATCH", "it-operator", "OPERATOR_MISMATCH", "it-t-only", "TERMINATING_ONLY",
                "it-operator-later", "NO_AGREEMENT"));
        assertThat(open.get("it-t-only").get("originatingRecords").asInt()).isZero();
        // a mismatch belongs to the agreement the originating side dealt under, with the operator it names
        assertThat(open.get("it-operator").get("agreementId").asString()).isEqualTo("ITATM-DEUD2");
        assertThat(open.get("it-operator").get("terminatingOperator").asString()).isEqualTo("DEUD2");
        assertThat(open.get("it-operator-later").get("agreementId").isNull()).isTrue();
        upload(List.of(Exchange.record(ORIGINATING, "ITATM", "DEUD2", "it-operator-later", NOV, SMS, 1)));
        runJob(RUN);
        JsonNode later = disputes("ITATM", "OPEN").get("it-operator-later");
        assertThat(later.get("reason").asString()).isEqualTo("OPERATOR_MISMATCH");
        assertThat(later.get("agreementId").asString()).isEqualTo("ITATM-DEUD2");
        assertThat(later.get("terminatingOperator").asString()).isEqualTo("DEUD2");
        decide(later, "write-off", null);
        assertThat(status("ITATM", "it-waiting")).as("its wait is not over at the cutoff").isEqualTo("PENDING");
        assertThat(status("ITATM", "it-ok")).isEqualTo("MATCHED");
        assertThat(status("ITATM", "it-edge")).isEqualTo("MATCHED");

        // the operators agree the units of one and give up another
        JsonNode resolved = decide(open.get("it-units"), "resolve", "{\"units\": 2, \"note\": \"DEUD2 counted a segment twice\"}");
        assertThat(resolved.get("status").asString()).isEqualTo("RESOLVED");
        assertThat(resolved.get("resolvedUnits").asInt()).isEqualTo(2);
        assertThat(decide(open.get("it-late"), "write-off", "{\"note\": \"clock fault at ITATM\"}").get("status").asString())
                .isEqualTo("WRITTEN_OFF");
        HttpResponse<String> again = post("/api/v1/clearing/disputes/" + open.get("it-late").get("id").asLong() + "/resolve",
                "application/json", "{}");
        assertThat(again.statusCode()).as("a decided dispute stays decided").isEqualTo(409);

        // November: the two matches and the resolved one (2 units); the two open disputes withheld; the write-off nowhere
        JsonNode november = settle("ITATM-DEUD2", "2026-11", true);
        assertThat(november.get("lines")).extracting(MatchingOutcomesTest::line)
                .containsExactly("TRAFFIC:A_TO_B:SMS:2026-11:3:4:20:ITATM>DEUD2");
        assertThat(november.get("withheld")).extracting(MatchingOutcomesTest::line)
                .containsExactly("DISPUTE_WITHHELD:A_TO_B:SMS:2026-11:2:2:10:ITATM>DEUD2");
        assertThat(november.get("grossAToB").decimalValue()).isEqualByComparingTo("0.20");
        assertThat(november.get("netAmount").decimalValue()).isEqualByComparingTo("0.20");
        assertThat(november.get("netPayer").asString()).isEqualTo("ITATM");

        // after the close: one withheld dispute resolved (a late adjustment in December), the other written off (gone)
        decide(open.get("it-t-only"), "resolve", null);
        decide(open.get("it-operator"), "write-off", null);
        JsonNode december = settle("ITATM-DEUD2", "2026-12", false);
        assertThat(december.get("lines")).extracting(MatchingOutcomesTest::line)
                .containsExactly("LATE_ADJUSTMENT:A_TO_B:SMS:2026-11:1:1:5:ITATM>DEUD2");
        assertThat(december.get("withheld")).isEmpty();
        assertThat(december.get("controlTotals").get("withheldMessages").asLong()).isZero();
    }

    @Test
    void a_dispute_for_want_of_an_agreement_is_judged_again_once_the_agreement_is_added() throws Exception {
        List<InteropRecord> records = new ArrayList<>();
        both(records, "SWETL", "NORTN", "na-1", NOV, 1, 1);
        both(records, "NORTN", "SWETL", "na-2", NOV.plusSeconds(60), 2, 2);
        records.add(Exchange.record(ORIGINATING, "SWETL", "NORTN", "na-3", NOV.plusSeconds(120), SMS, 1));
        upload(records);
        runJob(RUN);
        Map<String, JsonNode> open = disputes("SWETL", "OPEN");
        open.putAll(disputes("NORTN", "OPEN"));
        assertThat(reasons(open)).containsExactlyInAnyOrderEntriesOf(Map.of("na-1", "NO_AGREEMENT", "na-2", "NO_AGREEMENT",
                "na-3", "NO_AGREEMENT"));
        HttpResponse<String> refused = post("/api/v1/clearing/disputes/" + open.get("na-1").get("id").asLong() + "/resolve",
                "application/json", "{}");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("add one, and the next matching run judges it again");

        agreement("SWETL-NORTN", """
                {"partyA": "SWETL", "partyB": "NORTN", "validFrom": "2026-11-01", "chargingModel": "TERMINATION_FEE",
                 "rates": [{"direction": "A_TO_B", "price": "0.011", "currency": "EUR"},
                           {"direction": "B_TO_A", "price": "0.013", "currency": "EUR"}],
                 "settlementCurrency": "EUR", "settlementPeriod": "MONTHLY", "timeToleranceSeconds": 60,
                 "netting": "BILATERAL"}""");
        JsonNode run = runJob(RUN);
        assertThat(run.get("rejudged").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(status("SWETL", "na-1")).isEqualTo("MATCHED");
        assertThat(status("NORTN", "na-2")).isEqualTo("MATCHED");
        Map<String, JsonNode> now = disputes("SWETL", "OPEN");
        assertThat(reasons(now)).containsExactlyInAnyOrderEntriesOf(Map.of("na-3", "ORIGINATING_ONLY"));
        assertThat(now.get("na-3").get("agreementId").asString()).isEqualTo("SWETL-NORTN");

        JsonNode november = settle("SWETL-NORTN", "2026-11", false);
        assertThat(november.get("lines")).extracting(MatchingOutcomesTest::line).containsExactly(
                "TRAFFIC:A_TO_B:SMS:2026-11:1:1:1:SWETL>NORTN", "TRAFFIC:B_TO_A:SMS:2026-11:1:2:3:NORTN>SWETL");
        assertThat(november.get("withheld")).extracting(MatchingOutcomesTest::line)
                .containsExactly("DISPUTE_WITHHELD:A_TO_B:SMS:2026-11:1:1:1:SWETL>NORTN");
    }

    @Test
    void a_hub_fee_agreement_owes_the_hub_per_unit_outside_the_parties_netting() throws Exception {
        agreement("POLPL-CZEOT", """
                {"partyA": "POLPL", "partyB": "CZEOT", "validFrom": "2026-01-01", "chargingModel": "HUB_FEE",
                 "rates": [{"direction": "A_TO_B", "price": "0.03", "currency": "EUR"},
                           {"direction": "B_TO_A", "price": "0.04", "currency": "EUR"}],
                 "hubFee": {"hubId": "HUBXX", "price": "0.0035", "currency": "EUR"},
                 "settlementCurrency": "EUR", "settlementPeriod": "MONTHLY", "timeToleranceSeconds": 60,
                 "netting": "BILATERAL"}""");
        List<InteropRecord> records = new ArrayList<>();
        int[] units = {1, 2, 1};
        for (int i = 0; i < units.length; i++) {
            both(records, "POLPL", "CZEOT", "pl-" + i, NOV.plusSeconds(60L * i), units[i], units[i]);
        }
        for (int i = 0; i < 2; i++) {
            both(records, "CZEOT", "POLPL", "cz-" + i, NOV.plusSeconds(600L + 60L * i), CLIENT, 1);
        }
        upload(records);
        runJob(RUN);

        JsonNode s = settle("POLPL-CZEOT", "2026-11", true);
        // A to B: 4 units x 0.03 = 0.12, hub 4 x 0.0035 = 0.014 -> 0.01; B to A: 2 x 0.04 = 0.08, hub 2 x 0.0035 = 0.007 -> 0.01
        assertThat(s.get("lines")).extracting(MatchingOutcomesTest::line).containsExactlyInAnyOrder(
                "TRAFFIC:A_TO_B:SMS:2026-11:3:4:12:POLPL>CZEOT", "HUB_FEE:A_TO_B:SMS:2026-11:3:4:1:POLPL>HUBXX",
                "TRAFFIC:B_TO_A:CLIENT:2026-11:2:2:8:CZEOT>POLPL", "HUB_FEE:B_TO_A:CLIENT:2026-11:2:2:1:CZEOT>HUBXX");
        assertThat(s.get("grossAToB").decimalValue()).isEqualByComparingTo("0.12");
        assertThat(s.get("grossBToA").decimalValue()).isEqualByComparingTo("0.08");
        assertThat(s.get("netAmount").decimalValue()).isEqualByComparingTo("0.04");
        assertThat(s.get("netPayer").asString()).isEqualTo("POLPL");
        assertThat(s.get("hubFees")).extracting(h -> h.get("payer").asString() + ">" + h.get("hub").asString() + ":"
                + h.get("amountMinor").asLong()).containsExactlyInAnyOrder("POLPL>HUBXX:1", "CZEOT>HUBXX:1");
        assertThat(s.get("controlTotals").get("totalOwedMinor").asLong()).isEqualTo(22);
        assertThat(s.get("controlTotals").get("messages").asLong()).isEqualTo(5);
    }

    @Test
    void sender_keeps_all_settles_weekly_counting_messages_and_owing_nothing() throws Exception {
        senderKeepsAll("HUNTM", "AUTA1", "WEEKLY");
        List<InteropRecord> records = new ArrayList<>();
        Instant w46 = Instant.parse("2026-11-15T23:00:00Z");   // Sunday of ISO week 46
        Instant w47 = Instant.parse("2026-11-16T00:30:00Z");   // Monday of week 47
        both(records, "HUNTM", "AUTA1", "hu-1", w46, 1, 1);
        both(records, "HUNTM", "AUTA1", "hu-2", w46.plusSeconds(60), 3, 3);
        both(records, "AUTA1", "HUNTM", "at-1", w46.plusSeconds(120), CLIENT, 1);
        both(records, "HUNTM", "AUTA1", "hu-3", w47, 1, 1);
        // a second weekly agreement, settled together with the first below
        senderKeepsAll("SVKTM", "SLOSI", "WEEKLY");
        both(records, "SVKTM", "SLOSI", "sk-1", w46.plusSeconds(30), 1, 1);
        both(records, "SLOSI", "SVKTM", "si-1", w47.plusSeconds(30), 1, 1);
        both(records, "SVKTM", "SLOSI", "sk-2", w47.plusSeconds(90), 2, 2);
        upload(records);
        runJob(RUN);

        HttpResponse<String> monthly = post("/api/v1/clearing/settlements?agreementId=HUNTM-AUTA1&period=2026-11", null, null);
        assertThat(monthly.statusCode()).isEqualTo(400);
        assertThat(monthly.body()).contains("a weekly period is named like 2026-W41");

        JsonNode week46 = settle("HUNTM-AUTA1", "2026-W46", true);
        assertThat(week46.get("periodStart").asString()).isEqualTo("2026-11-09");
        assertThat(week46.get("periodEnd").asString()).isEqualTo("2026-11-16");
        assertThat(week46.get("lines")).extracting(MatchingOutcomesTest::line).containsExactly(
                "TRAFFIC:A_TO_B:SMS:2026-W46:2:4:0:HUNTM>AUTA1", "TRAFFIC:B_TO_A:CLIENT:2026-W46:1:1:0:AUTA1>HUNTM");
        assertThat(week46.get("grossAToB").decimalValue()).isZero();
        assertThat(week46.get("grossBToA").decimalValue()).isZero();
        assertThat(week46.get("netAmount").decimalValue()).isZero();
        assertThat(week46.get("netPayer").isNull()).isTrue();
        assertThat(week46.get("controlTotals").get("messages").asLong()).isEqualTo(3);
        assertThat(week46.get("controlTotals").get("totalOwedMinor").asLong()).isZero();

        assertThat(settle("SVKTM-SLOSI", "2026-W46", true).get("controlTotals").get("messages").asLong()).isEqualTo(1);

        // settling every agreement for a week takes the weekly ones only, each from where its closed weeks end
        JsonNode all = runJob("/api/v1/clearing/settlements?period=2026-W47");
        assertThat(all).extracting(r -> r.get("agreementId").asString() + ":" + r.get("period").asString() + ":"
                + r.get("messages").asLong()).containsExactlyInAnyOrder("HUNTM-AUTA1:2026-W47:1", "SVKTM-SLOSI:2026-W47:2");
    }

    private void upload(List<InteropRecord> records) throws Exception {
        HttpResponse<String> r = post("/api/v1/clearing/records", "text/csv", Exchange.csv(records));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    /** Both sides of an SMS with the units each side counted. */
    private static void both(List<InteropRecord> into, String from, String to, String id, Instant sent, int oUnits, int tUnits) {
        into.add(Exchange.record(ORIGINATING, from, to, id, sent, SMS, oUnits));
        into.add(Exchange.record(TERMINATING, from, to, id, sent, SMS, tUnits));
    }

    private static void both(List<InteropRecord> into, String from, String to, String id, Instant sent, InteropChannel channel,
            int units) {
        into.add(Exchange.record(ORIGINATING, from, to, id, sent, channel, units));
        into.add(Exchange.record(TERMINATING, from, to, id, sent, channel, units));
    }

    /** The disputes of messages sent by {@code originatingOperator}, by message id. */
    private Map<String, JsonNode> disputes(String originatingOperator, String status) throws Exception {
        Map<String, JsonNode> out = new TreeMap<>();
        StreamSupport.stream(getJson("/api/v1/clearing/disputes?status=" + status + "&limit=100000").spliterator(), false)
                .filter(d -> d.get("originatingOperator").asString().equals(originatingOperator))
                .forEach(d -> out.put(d.get("messageId").asString(), d));
        return out;
    }

    private static Map<String, String> reasons(Map<String, JsonNode> disputes) {
        Map<String, String> out = new TreeMap<>();
        disputes.forEach((id, d) -> out.put(id, d.get("reason").asString()));
        return out;
    }

    private String status(String originatingOperator, String messageId) {
        return jdbc.queryForObject("select status from clearing.message where originating_operator = ? and message_id = ?",
                String.class, originatingOperator, messageId);
    }

    private JsonNode decide(JsonNode dispute, String decision, String body) throws Exception {
        HttpResponse<String> r = post("/api/v1/clearing/disputes/" + dispute.get("id").asLong() + "/" + decision,
                "application/json", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return getJson("/api/v1/clearing/disputes/" + dispute.get("id").asLong());
    }

    private JsonNode settle(String agreementId, String period, boolean close) throws Exception {
        JsonNode result = runJob("/api/v1/clearing/settlements?agreementId=" + agreementId + "&period=" + period + "&close=" + close);
        return getJson("/api/v1/clearing/statements/" + result.get(0).get("id").asLong());
    }

    /** kind:direction:channel:eventPeriod:messages:units:amount in cents:payer>payee */
    private static String line(JsonNode l) {
        return l.get("kind").asString() + ":" + l.get("direction").asString() + ":" + l.get("channel").asString() + ":"
                + l.get("eventPeriod").asString() + ":" + l.get("messages").asLong() + ":" + l.get("units").asLong() + ":"
                + l.get("amountMinor").asLong() + ":" + l.get("payer").asString() + ">" + l.get("payee").asString();
    }
}
