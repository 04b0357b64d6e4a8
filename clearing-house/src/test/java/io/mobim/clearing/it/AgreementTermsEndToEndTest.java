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
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Agreement terms applied in settlement, end to end over the API. An operator (OPRRS) selling an IM provider's (IMPRV) service under a revenue-share agreement of two versions, the
 * second raising the provider's share from the middle of October: the month's statement, made from both sides'
 * uploaded records, prices each version's traffic at the retail rates (one in GBP at the agreed exchange rate), keeps
 * the kiosk commission off each version's retail value, pays the provider its variable share of the rest and the
 * licence fee of the version governing the period's start, each amount rounded once to the cent. Two operators
 * (OPRFX, OPRFY) whose agreement takes the exchange rate published for the period's last day (fxRule PERIOD_END).
 */
class AgreementTermsEndToEndTest extends ClearingApiTest {

    private static final String A = "OPRRS";
    private static final String B = "IMPRV";

    private static final String TERMS = """
            {"partyA": "OPRRS", "partyB": "IMPRV", "validFrom": "%s", "chargingModel": "REVENUE_SHARE",
             "rates": [{"direction": "A_TO_B", "price": "0.09", "currency": "EUR"},
                       {"direction": "B_TO_A", "price": "0.05", "currency": "GBP"}],
             "revenueShare": {"fixedLicenceFee": "%s", "variableSharePct": "%s", "kioskCommissionPct": "10"},
             "settlementCurrency": "EUR", "fxRule": "AGREED", "exchangeRates": {"GBP": "1.15"},
             "settlementPeriod": "MONTHLY", "timeToleranceSeconds": 300, "netting": "BILATERAL"}""";

    @Test
    void each_version_shares_its_own_traffic_and_the_licence_fee_is_the_one_governing_the_period_start() throws Exception {
        agreement("OPRRS-IMPRV", TERMS.formatted("2026-01-01", "100.00", "40"));
        JsonNode v2 = agreement("OPRRS-IMPRV", TERMS.formatted("2026-10-16", "120.00", "50"));
        assertThat(v2.get("version").asInt()).isEqualTo(2);

        List<InteropRecord> records = new ArrayList<>();
        Instant early = Instant.parse("2026-10-03T10:00:00Z");    // version 1
        Instant late = Instant.parse("2026-10-20T10:00:00Z");     // version 2
        for (int i = 0; i < 10; i++) {
            both(records, A, B, "rs-a1-" + i, early.plusSeconds(60L * i), SMS);
        }
        for (int i = 0; i < 3; i++) {
            both(records, B, A, "rs-b1-" + i, early.plusSeconds(3_600L + 60L * i), CLIENT);
        }
        for (int i = 0; i < 5; i++) {
            both(records, A, B, "rs-a2-" + i, late.plusSeconds(60L * i), SMS);
        }
        HttpResponse<String> upload = post("/api/v1/clearing/records", "text/csv", Exchange.csv(records));
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(200);
        runJob("/api/v1/clearing/matching-runs?cutoff=2026-12-01T00:00:00Z");
        assertThat(getJson("/api/v1/clearing/disputes?agreementId=OPRRS-IMPRV&status=OPEN")).isEmpty();

        JsonNode result = runJob("/api/v1/clearing/settlements?agreementId=OPRRS-IMPRV&period=2026-10");
        JsonNode statement = getJson("/api/v1/clearing/statements/" + result.get(0).get("id").asLong());
        // version 1: retail 10 x 0.09 = 0.90 EUR and 3 x 0.05 GBP x 1.15 = 0.1725 -> 0.17, so 1.07; kiosk 10% = 0.107
        // -> 0.11; provider 40% of 0.96 = 0.384 -> 0.38. Version 2: retail 5 x 0.09 = 0.45; kiosk 0.045 -> 0.05 (HALF_UP);
        // provider 50% of 0.40 = 0.20. Licence fee: version 1's, which governs 1 October
        assertThat(statement.get("lines")).extracting(l -> l.get("kind").asString() + ":v" + l.get("agreementVersion").asInt() + ":"
                        + l.get("amountMinor").asLong() + ":" + (l.get("payer").isNull() ? "-" : l.get("payer").asString()))
                .as("amounts in cents").containsExactlyInAnyOrder("TRAFFIC:v1:90:-", "TRAFFIC:v1:17:-", "TRAFFIC:v2:45:-",
                        "KIOSK_COMMISSION:v1:11:-", "REVENUE_SHARE:v1:38:OPRRS",
                        "KIOSK_COMMISSION:v2:5:-", "REVENUE_SHARE:v2:20:OPRRS",
                        "LICENCE_FEE:v1:10000:OPRRS");
        assertThat(statement.get("grossAToB").decimalValue()).isEqualByComparingTo("100.58");
        assertThat(statement.get("grossBToA").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(statement.get("netAmount").decimalValue()).isEqualByComparingTo("100.58");
        assertThat(statement.get("netPayer").asString()).isEqualTo(A);
        assertThat(statement.get("controlTotals").get("totalOwedMinor").asLong()).isEqualTo(10_058);
    }

    @Test
    void period_end_rates_are_the_ones_published_for_the_last_day_of_the_period_or_the_latest_before() throws Exception {
        HttpResponse<String> refused = post("/api/v1/clearing/agreements/OPRFX-OPRFY/versions", "application/json",
                FX_TERMS.replace("\"fxRule\": \"PERIOD_END\"", "\"fxRule\": \"PERIOD_END\", \"exchangeRates\": {\"GBP\": \"1.2\"}"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("PERIOD_END takes the published rates");
        agreement("OPRFX-OPRFY", FX_TERMS);

        List<InteropRecord> records = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            both(records, "OPRFX", "OPRFY", "fx-" + i, Instant.parse("2026-09-10T08:00:00Z").plusSeconds(60L * i), SMS);
        }
        assertThat(post("/api/v1/clearing/records", "text/csv", Exchange.csv(records)).statusCode()).isEqualTo(200);
        runJob("/api/v1/clearing/matching-runs?cutoff=2026-12-01T00:00:00Z");

        // nothing published yet: the statement cannot be priced, and says which rate is missing
        JsonNode failed = finishedJob("/api/v1/clearing/settlements?agreementId=OPRFX-OPRFY&period=2026-09");
        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.toString()).contains("no exchange rate of GBP into EUR published on or before 2026-09-30");

        assertThat(put("/api/v1/clearing/exchange-rates/2026-09-25", "{\"quoteCurrency\": \"EUR\", \"source\": \"GSER\", \"rates\": {\"GBP\": \"1.1500\"}}")
                .statusCode()).isEqualTo(200);
        assertThat(put("/api/v1/clearing/exchange-rates/2026-09-28", "{\"quoteCurrency\": \"EUR\", \"source\": \"GSER\", \"rates\": {\"GBP\": \"1.16234567\"}}")
                .statusCode()).isEqualTo(200);
        assertThat(put("/api/v1/clearing/exchange-rates/2026-10-01", "{\"quoteCurrency\": \"EUR\", \"source\": \"GSER\", \"rates\": {\"GBP\": \"9\"}}")
                .statusCode()).isEqualTo(200);
        assertThat(put("/api/v1/clearing/exchange-rates/2026-09-29", "{\"quoteCurrency\": \"EUR\", \"rates\": {\"GBP\": \"-1\"}}").statusCode())
                .as("no source, a negative rate").isEqualTo(400);
        assertThat(getJson("/api/v1/clearing/exchange-rates/2026-09-28").get("EUR").get("GBP").decimalValue()).isEqualByComparingTo("1.16234567");

        JsonNode result = runJob("/api/v1/clearing/settlements?agreementId=OPRFX-OPRFY&period=2026-09");
        JsonNode statement = getJson("/api/v1/clearing/statements/" + result.get(0).get("id").asLong());
        // 7 x 0.0321 GBP x 1.16234567 (28 September's rate, the latest on or before the 30th) = 0.26118... -> 0.26
        JsonNode line = statement.get("lines").get(0);
        assertThat(line.get("exchangeRate").decimalValue()).isEqualByComparingTo("1.16234567");
        assertThat(line.get("amount").decimalValue()).isEqualByComparingTo("0.26");
        assertThat(statement.get("grossAToB").decimalValue()).isEqualByComparingTo("0.26");
        assertThat(statement.get("netPayer").asString()).isEqualTo("OPRFX");
    }

    private static final String FX_TERMS = """
            {"partyA": "OPRFX", "partyB": "OPRFY", "validFrom": "2026-01-01", "chargingModel": "TERMINATION_FEE",
             "rates": [{"direction": "A_TO_B", "price": "0.0321", "currency": "GBP"},
                       {"direction": "B_TO_A", "price": "0.02", "currency": "EUR"}],
             "settlementCurrency": "EUR", "fxRule": "PERIOD_END",
             "settlementPeriod": "MONTHLY", "timeToleranceSeconds": 300, "netting": "BILATERAL"}""";

    private HttpResponse<String> put(String path, String json) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + path)).header("Content-Type", "application/json")
                        .header("Accept", "application/json").PUT(java.net.http.HttpRequest.BodyPublishers.ofString(json)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    private static void both(List<InteropRecord> into, String from, String to, String messageId, Instant sent, InteropChannel channel) {
        into.add(Exchange.record(ORIGINATING, from, to, messageId, sent, channel, 1));
        into.add(Exchange.record(TERMINATING, from, to, messageId, sent, channel, 1));
    }
}
