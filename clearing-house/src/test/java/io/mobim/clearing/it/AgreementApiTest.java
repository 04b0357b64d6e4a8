package io.mobim.clearing.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.events.EventJson;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Agreements through the API (operators ESPTE and PRTTM only): versioned, validated, one per operator pair and day. */
class AgreementApiTest extends ClearingApiTest {

    private static final String TERMS = """
            {"partyA": "ESPTE", "partyB": "PRTTM", "validFrom": "%s", "validTo": %s, "chargingModel": "HUB_FEE",
             "rates": [{"direction": "A_TO_B", "price": "0.02", "currency": "EUR"},
                       {"direction": "B_TO_A", "price": "0.03", "currency": "EUR"}],
             "hubFee": {"hubId": "HUB01", "price": "0.001", "currency": "EUR"},
             "settlementCurrency": "EUR", "settlementPeriod": "MONTHLY", "timeToleranceSeconds": 60,
             "unitsTolerancePct": 5, "netting": "BILATERAL"}
            """;

    @Test
    void versions_are_added_and_listed_and_bad_terms_are_refused_with_the_rule() throws Exception {
        agreement("ESPTE-PRTTM", TERMS.formatted("2026-01-01", "\"2026-07-01\""));
        JsonNode v2 = agreement("ESPTE-PRTTM", TERMS.formatted("2026-07-01", "null").replace("0.02", "0.025"));
        assertThat(v2.get("version").asInt()).isEqualTo(2);
        JsonNode versions = getJson("/api/v1/clearing/agreements/ESPTE-PRTTM");
        assertThat(versions).hasSize(2);
        assertThat(versions.get(1).get("terms").get("rates").get(0).get("price").decimalValue()).isEqualByComparingTo("0.025");
        assertThat(jdbc.queryForObject("select count(*) from clearing.agreement_term where agreement_id = 'ESPTE-PRTTM'", Long.class))
                .isEqualTo(4);   // two intervals, both directions

        assertRefused(400, TERMS.formatted("2026-01-01", "null").replace("\"hubFee\": {\"hubId\": \"HUB01\", \"price\": \"0.001\", \"currency\": \"EUR\"},", ""),
                "HUB_FEE needs hubFee");
        assertRefused(400, TERMS.formatted("2026-01-01", "null").replace("\"0.03\"", "\"-0.03\""), "price must be >= 0");
        assertRefused(400, TERMS.formatted("2026-01-01", "null").replace("\"currency\": \"EUR\"}]", "\"currency\": \"USD\"}]"),
                "no exchange rate from USD to EUR");
        assertRefused(400, TERMS.formatted("2026-01-01", "null").replace("\"netting\"", "\"colour\": \"blue\", \"netting\""), "colour");
        assertRefused(400, TERMS.formatted("2026-01-01", "null").replace("\"PRTTM\"", "\"ESPTE\""), "the same operator");
        // another agreement of the same two operators on the same days
        HttpResponse<String> overlap = post("/api/v1/clearing/agreements/PRTTM-ESPTE/versions", "application/json",
                TERMS.formatted("2026-09-01", "null").replace("\"ESPTE\"", "\"X\"").replace("\"PRTTM\"", "\"ESPTE\"").replace("\"X\"", "\"PRTTM\""));
        assertThat(overlap.statusCode()).as(overlap.body()).isEqualTo(409);
        assertThat(overlap.body()).contains("already governs");
        assertThat(get("/api/v1/clearing/agreements/NOPE", "application/json").statusCode()).isEqualTo(404);
    }

    private void assertRefused(int status, String json, String reason) throws Exception {
        HttpResponse<String> r = post("/api/v1/clearing/agreements/ESPTE-PRTTM/versions", "application/json", json);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(EventJson.mapper().readTree(r.body()).get("detail").asString()).contains(reason);
    }
}
