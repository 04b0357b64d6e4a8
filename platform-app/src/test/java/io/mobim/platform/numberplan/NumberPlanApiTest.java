package io.mobim.platform.numberplan;

import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.events.Msisdn;
import io.mobim.platform.MobimIntegrationTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The operator maintains its number plan over the admin API: prefix ranges per operator, and the ported numbers of its
 * portability export, which win over the ranges. Uses the +8816 range, which no other test routes.
 */
@MobimIntegrationTest
class NumberPlanApiTest {

    @Value("${local.server.port}")
    int port;

    @Autowired
    NumberPlan plan;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theLongestPrefixDecidesAndAPortedNumberWins() throws Exception {
        assertThat(call("PUT", "/api/v1/number-plan/prefixes/" + enc("+8816"), "{\"operator\":\"PEERA\"}", "application/json").statusCode()).isEqualTo(200);
        assertThat(call("PUT", "/api/v1/number-plan/prefixes/" + enc("+88165"), "{\"operator\":\"PEERB\"}", "application/json").statusCode()).isEqualTo(200);

        assertThat(plan.operatorOf(Msisdn.of("+881612345678"))).hasValue("PEERA");
        assertThat(plan.operatorOf(Msisdn.of("+881652345678"))).as("the longer range").hasValue("PEERB");
        assertThat(plan.operatorOf(Msisdn.of("+881712345678"))).as("no range covers it").isEmpty();

        HttpResponse<String> imported = call("POST", "/api/v1/number-plan/ported",
                "msisdn,operator,ported_at\r\n+881612345678,PEERB,2026-11-02\r\n+881652345678,PEERA,\r\n", "text/csv");
        assertThat(imported.statusCode()).isEqualTo(200);
        assertThat(imported.body()).contains("\"imported\":2");
        assertThat(plan.operatorOf(Msisdn.of("+881612345678"))).as("ported away from its range").hasValue("PEERB");
        assertThat(plan.operatorOf(Msisdn.of("+881652345678"))).hasValue("PEERA");
        assertThat(plan.operatorOf(Msisdn.of("+881612345679"))).as("its neighbour did not move").hasValue("PEERA");

        HttpResponse<String> lookup = call("GET", "/api/v1/number-plan/lookup?msisdn=" + enc("+881612345678"), null, null);
        assertThat(lookup.body()).contains("\"operator\":\"PEERB\"").contains("\"ported\":true").contains("\"home\":false");

        assertThat(call("DELETE", "/api/v1/number-plan/ported/" + enc("+881612345678"), null, null).statusCode()).isEqualTo(204);
        assertThat(plan.operatorOf(Msisdn.of("+881612345678"))).as("back to its range").hasValue("PEERA");
        assertThat(call("DELETE", "/api/v1/number-plan/prefixes/" + enc("+88165"), null, null).statusCode()).isEqualTo(204);
        assertThat(plan.operatorOf(Msisdn.of("+881652345678"))).as("still ported").hasValue("PEERA");
        plan.removePorted(Msisdn.of("+881652345678"));
        assertThat(plan.operatorOf(Msisdn.of("+881652345679"))).as("the shorter range again").hasValue("PEERA");
        plan.remove("+8816");
    }

    @Test
    void anExportWithABadLineImportsNothingAndSaysWhichLinesAndWhy() throws Exception {
        HttpResponse<String> refused = call("POST", "/api/v1/number-plan/ported", """
                operator,msisdn
                PEERC,+881698765001
                PEERC,0798765002
                lowercase,+881698765003
                PEERC,+881698765001
                PEERC
                """, "text/csv");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("\"rejectedLines\":4").contains("\"lines\":6")
                .contains("{\"line\":3,\"reason\":\"msisdn is not E.164")
                .contains("{\"line\":4,\"reason\":\"an operator is a TADIG or MCC-MNC code")
                .contains("{\"line\":5,\"reason\":\"the number is already on line 2\"}")
                .contains("{\"line\":6,\"reason\":\"1 cells, the header names 2\"}");
        assertThat(plan.ported(Msisdn.of("+881698765001"))).as("nothing half-imported").isEmpty();

        assertThat(call("POST", "/api/v1/number-plan/ported", "number,carrier\n+881698765001,PEERC\n", "text/csv").statusCode())
                .isEqualTo(422);
        assertThat(call("PUT", "/api/v1/number-plan/prefixes/4477", "{\"operator\":\"PEERA\"}", "application/json").body())
                .contains("a prefix is '+' and 1 to 15 digits");
        assertThat(call("POST", "/api/v1/number-plan/ported", "msisdn,operator\n+881698765001,PEERC\n", "text/csv", "billing:billing-secret")
                .statusCode()).as("the operator admin's alone").isEqualTo(403);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> call(String method, String path, String body, String type) throws Exception {
        return call(method, path, body, type, "admin:admin-secret");
    }

    private HttpResponse<String> call(String method, String path, String body, String type, String credentials) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        if (type != null) {
            b.header("Content-Type", type);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
