package io.mobim.platform.subscribers;

import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.platform.MobimIntegrationTest;
import io.mobim.platform.support.TestNumbers;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** The operator's CRM provisions subscribers over HTTP, as an admin. */
@MobimIntegrationTest
class SubscriberApiIntegrationTest {

    @Value("${local.server.port}")
    int port;

    @Autowired
    Subscribers subscribers;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void createReadChangeAndDeleteASubscriber() throws Exception {
        Msisdn number = TestNumbers.next();
        String body = """
                {"msisdn":"%s","nickname":"alice","password":"s3cret!","locale":"fr","tariffPlan":"ORANGE_FR_CHAT"}"""
                .formatted(number.value());

        HttpResponse<String> created = call("POST", "/api/v1/subscribers", body, "admin", "admin-secret");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/subscribers/" + number.value());
        assertThat(created.body()).contains("\"nickname\":\"alice\"").contains("\"locale\":\"fr\"")
                .contains("\"status\":\"ACTIVE\"").contains("\"hasPassword\":true").doesNotContain("s3cret");
        assertThat(subscribers.passwordMatches(number, "s3cret!")).as("stored as a hash that matches").isTrue();

        assertThat(call("POST", "/api/v1/subscribers", body, "admin", "admin-secret").statusCode()).isEqualTo(409);

        HttpResponse<String> read = call("GET", "/api/v1/subscribers/" + number.value(), null, "admin", "admin-secret");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"tariffPlan\":\"ORANGE_FR_CHAT\"");

        HttpResponse<String> patched = call("PATCH", "/api/v1/subscribers/" + number.value(), "{\"status\":\"SUSPENDED\"}",
                "admin", "admin-secret");
        assertThat(patched.statusCode()).isEqualTo(200);
        assertThat(patched.body()).contains("\"status\":\"SUSPENDED\"").contains("\"nickname\":\"alice\"");

        assertThat(call("DELETE", "/api/v1/subscribers/" + number.value(), null, "admin", "admin-secret").statusCode()).isEqualTo(204);
        assertThat(call("GET", "/api/v1/subscribers/" + number.value(), null, "admin", "admin-secret").statusCode()).isEqualTo(404);
    }

    @Test
    void badInputGetsAProblemDocumentNamingTheField() throws Exception {
        HttpResponse<String> badNumber = call("POST", "/api/v1/subscribers", "{\"msisdn\":\"12ab\",\"nickname\":\"x\"}", "admin", "admin-secret");
        assertThat(badNumber.statusCode()).isEqualTo(400);
        assertThat(badNumber.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
        assertThat(badNumber.body()).contains("\"field\":\"msisdn\"");

        String badNick = "{\"msisdn\":\"%s\",\"nickname\":\"has spaces\"}".formatted(TestNumbers.next().value());
        assertThat(call("POST", "/api/v1/subscribers", badNick, "admin", "admin-secret").body()).contains("\"field\":\"nickname\"");

        String badLocale = "{\"msisdn\":\"%s\",\"nickname\":\"bob\",\"locale\":\"xx\"}".formatted(TestNumbers.next().value());
        assertThat(call("POST", "/api/v1/subscribers", badLocale, "admin", "admin-secret").statusCode()).isEqualTo(400);

        HttpResponse<String> notJson = call("POST", "/api/v1/subscribers", "{nope", "admin", "admin-secret");
        assertThat(notJson.statusCode()).isEqualTo(400);
    }

    @Test
    void onlyTheOperatorAdminMayProvision() throws Exception {
        assertThat(call("GET", "/api/v1/subscribers", null, null, null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/api/v1/subscribers", null, "admin", "wrong").statusCode()).isEqualTo(401);
        assertThat(call("GET", "/api/v1/subscribers", null, "billing", "billing-secret").statusCode()).isEqualTo(403);
        assertThat(call("GET", "/api/v1/subscribers", null, "admin", "admin-secret").statusCode()).isEqualTo(200);
    }

    @Test
    void aPasswordLongerThanTheHashAcceptsIsABadRequestNotAServerError() throws Exception {
        // 37 characters (within 6..64) but 73 bytes in UTF-8: one more than bcrypt accepts
        String password = "é".repeat(36) + "a";
        assertThat(password.getBytes(StandardCharsets.UTF_8)).hasSize(73);
        Msisdn number = TestNumbers.next();
        HttpResponse<String> refused = call("POST", "/api/v1/subscribers",
                "{\"msisdn\":\"%s\",\"nickname\":\"carol\",\"password\":\"%s\"}".formatted(number.value(), password),
                "admin", "admin-secret");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
        assertThat(refused.body()).contains("\"field\":\"password\"").contains("72 bytes");
        assertThat(subscribers.find(number)).as("nothing half-created").isEmpty();

        String seventyTwo = "é".repeat(36);
        assertThat(call("POST", "/api/v1/subscribers",
                "{\"msisdn\":\"%s\",\"nickname\":\"carol\",\"password\":\"%s\"}".formatted(number.value(), seventyTwo),
                "admin", "admin-secret").statusCode()).isEqualTo(201);
        assertThat(subscribers.passwordMatches(number, seventyTwo)).isTrue();
        // a login with a password too long to have been set is a mismatch, not an error, even though bcrypt alone
        // would compare its first 72 bytes (the stored password) and accept it
        assertThat(subscribers.passwordMatches(number, password)).isFalse();
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413() throws Exception {
        String huge = "{\"msisdn\":\"%s\",\"nickname\":\"%s\"}".formatted(TestNumbers.next().value(), "x".repeat(1_100_000));
        HttpResponse<String> refused = call("POST", "/api/v1/subscribers", huge, "admin", "admin-secret");
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).contains("mobim.http.max-request-body");

        // the same without a Content-Length (chunked) is cut at the limit too
        HttpRequest chunked = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/subscribers"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin-secret".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8))))
                .build();
        assertThat(http.send(chunked, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(413);
    }

    @Test
    void theApiIsDescribedByOpenApiToTheAdmin() throws Exception {
        assertThat(call("GET", "/v3/api-docs", null, null, null).statusCode()).isEqualTo(401);
        HttpResponse<String> docs = call("GET", "/v3/api-docs", null, "admin", "admin-secret");
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/v1/subscribers/{msisdn}").contains("Create a subscriber");
    }

    private HttpResponse<String> call(String method, String path, String json, String user, String password) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
