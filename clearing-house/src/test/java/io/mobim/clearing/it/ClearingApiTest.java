package io.mobim.clearing.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.events.EventJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;

/**
 * The clearing role on its real services (embedded PostgreSQL, in-process Kafka), driven over HTTP as the clearing
 * team drives it. Every test class uses its own operators, so they share one context and one database.
 */
@SpringBootTest(classes = ClearingTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "mobim.role.clearing.enabled=true",
                "mobim.clearing.matching.interval=0",
                "mobim.clearing.consumer.max-poll-records=50",
                "spring.flyway.enabled=false"
        })
@ContextConfiguration(initializers = ClearingServices.class)
abstract class ClearingApiTest {

    @Value("${local.server.port}")
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> get(String path, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode getJson(String path) throws Exception {
        HttpResponse<String> r = get(path, "application/json");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return EventJson.mapper().readTree(r.body());
    }

    HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Accept", "application/json");
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return http.send(b.POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Starts a job (matching, settlement) and returns its result once it succeeded. */
    JsonNode runJob(String path) throws Exception {
        JsonNode job = finishedJob(path);
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("done").asInt()).isEqualTo(job.get("total").asInt());
        return job.get("result");
    }

    /** Starts a job and returns it once it ended, whichever way. */
    JsonNode finishedJob(String path) throws Exception {
        HttpResponse<String> started = post(path, null, null);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        JsonNode[] job = new JsonNode[1];
        await(() -> {
            try {
                job[0] = getJson(location);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            return !"RUNNING".equals(job[0].get("status").asString());
        });
        return job[0];
    }

    JsonNode agreement(String id, String json) throws Exception {
        HttpResponse<String> r = post("/api/v1/clearing/agreements/" + id + "/versions", "application/json", json);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return EventJson.mapper().readTree(r.body());
    }

    /** A bilateral sender-keeps-all agreement in EUR between {@code partyA} and {@code partyB}, 60 s tolerance. */
    JsonNode senderKeepsAll(String partyA, String partyB, String settlementPeriod) throws Exception {
        return agreement(partyA + "-" + partyB, """
                {"partyA": "%s", "partyB": "%s", "validFrom": "2026-01-01", "chargingModel": "SENDER_KEEPS_ALL",
                 "settlementCurrency": "EUR", "settlementPeriod": "%s", "timeToleranceSeconds": 60,
                 "netting": "BILATERAL"}""".formatted(partyA, partyB, settlementPeriod));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Waits for a condition the application brings about; fails after a generous bound, asserts nothing about time. */
    static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
