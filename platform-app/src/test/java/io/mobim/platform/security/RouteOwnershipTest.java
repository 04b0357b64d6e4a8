package io.mobim.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.platform.MobimIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every HTTP route of the running platform, read from the application's own handler mappings (the controllers', the
 * actuator's, the API docs'), has an owner: without credentials it answers 401, with a valid user of a role that
 * does not own it 403. A new route cannot be forgotten: it is walked as soon as it is mapped. Public by design:
 * the health probes (their details need credentials, see AllInOneSmokeTest), the Wireless Village endpoint,
 * which authenticates in its own protocol, the server-to-server interface, which takes signed requests of peer
 * operators only (TwoOperatorsTest), and the console's sign-in page (the console's pages: ConsoleSecurityTest).
 */
@MobimIntegrationTest
class RouteOwnershipTest {

    private static final Set<String> PUBLIC_BY_DESIGN = Set.of("/actuator/health", "/actuator/health/liveness",
            "/actuator/health/readiness", "/wv", "/wv/**", "/s2s/v1/messages", "/s2s/v1/authorizations", "/s2s/v1/presence",
            "/console/login");
    private static final String ADMIN = "admin:admin-secret";
    private static final String BILLING = "billing:billing-secret";
    private static final String CLEARING = "clearing:clearing-secret";
    /** A valid user whose only role, METRICS, owns {@code /actuator/prometheus} and nothing else. */
    private static final String SCRAPER = "scraper:scraper-secret";

    @Value("${local.server.port}")
    int port;

    @Autowired
    ApplicationContext context;

    private final HttpClient http = HttpClient.newHttpClient();

    record Route(RequestMethod method, String pattern) implements Comparable<Route> {
        /** A concrete path for the pattern: security decides before any variable is read. */
        String samplePath() {
            return pattern.replaceAll("\\{[^}]+}", "1").replace("**", "x").replace("*", "x");
        }

        @Override
        public int compareTo(Route other) {
            return (pattern + method).compareTo(other.pattern + other.method);
        }
    }

    @Test
    void everyMappedRouteAnswers401WithoutCredentialsAnd403ToAWrongRole() throws Exception {
        Set<Route> routes = mappedRoutes();
        // the walk sees the controllers of every module, the simulator's handset API, the actuator and the API docs
        assertThat(routes).extracting(Route::pattern).contains("/api/v1/subscribers", "/api/v1/simulator/mo",
                "/api/v1/simulator/mt", "/api/v1/messages/log/{day}", "/actuator/prometheus", "/actuator/info",
                "/actuator/metrics", "/v3/api-docs");
        assertThat(routes).anySatisfy(r -> assertThat(r.pattern()).startsWith("/api/v1/billing/"));
        assertThat(routes).anySatisfy(r -> assertThat(r.pattern()).startsWith("/api/v1/clearing/"));
        assertThat(routes).extracting(Route::pattern).contains("/console/handsets", "/console/subscribers", "/console/billing");

        List<String> failures = new ArrayList<>();
        int walked = 0;
        for (Route route : routes) {
            if (PUBLIC_BY_DESIGN.contains(route.pattern())) {
                continue;
            }
            walked++;
            String wrongRole = route.pattern().equals("/actuator/prometheus") ? BILLING : SCRAPER;
            expect(failures, route, null, 401);
            expect(failures, route, wrongRole, 403);
            if (route.pattern().startsWith("/api/v1/subscribers") || route.pattern().startsWith("/api/v1/simulator")
                    || route.pattern().startsWith("/actuator") || route.pattern().startsWith("/v3/api-docs")
                    || route.pattern().startsWith("/console/subscribers") || route.pattern().startsWith("/console/handsets")
                    || route.pattern().startsWith("/console/traffic")) {
                expect(failures, route, BILLING, 403); // the operator admin's alone
            }
            if (route.pattern().startsWith("/api/v1/clearing/")) {
                expect(failures, route, BILLING, 403); // the clearing team's (reads also the operator admin's)
            }
            if (route.pattern().startsWith("/api/v1/billing/") || route.pattern().startsWith("/api/v1/subscribers")
                    || route.pattern().startsWith("/console/billing") || route.pattern().startsWith("/console/subscribers")) {
                expect(failures, route, CLEARING, 403);
            }
        }
        assertThat(failures).as("routes without an owner, out of " + walked + " walked").isEmpty();
        assertThat(walked).isGreaterThan(20);
    }

    @Test
    void theServerToServerInterfaceRefusesAnUnsignedRequestWhateverItsCredentials() throws Exception {
        assertThat(send("POST", "/s2s/v1/messages", "{}", null).statusCode()).isEqualTo(401);
        assertThat(send("POST", "/s2s/v1/messages", "{}", ADMIN).statusCode()).as("no operator password counts there").isEqualTo(401);
        assertThat(send("GET", "/s2s/v2/messages", null, ADMIN).statusCode()).as("no other version").isEqualTo(403);
    }

    @Test
    void theSimulatorsHandsetApiNeedsTheOperatorAdmin() throws Exception {
        String mo = "{\"from\":\"+447700900991\",\"to\":\"20123\",\"text\":\"HELP\"}";
        assertThat(send("POST", "/api/v1/simulator/mo", mo, null).statusCode()).isEqualTo(401);
        assertThat(send("POST", "/api/v1/simulator/mo", mo, BILLING).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/v1/simulator/mt?msisdn=%2B447700900991", null, null).statusCode()).isEqualTo(401);
        assertThat(send("POST", "/api/v1/simulator/mo", mo, ADMIN).statusCode()).isIn(200, 202);
    }

    @Test
    void theClearingApiBelongsToTheClearingTeamAndTheAdminMayReadIt() throws Exception {
        assertThat(send("GET", "/api/v1/clearing/agreements", null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/v1/clearing/agreements", null, BILLING).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/v1/clearing/agreements", null, CLEARING).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/v1/clearing/agreements", null, ADMIN).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/v1/clearing/matching-runs", null, null).statusCode()).isEqualTo(401);
        assertThat(send("POST", "/api/v1/clearing/matching-runs", null, ADMIN).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/v1/clearing/matching-runs", null, BILLING).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/v1/clearing/matching-runs", null, CLEARING).statusCode()).isEqualTo(202);
        assertThat(send("GET", "/api/v1/billing/plans", null, CLEARING).statusCode()).isEqualTo(403);
    }

    private Set<Route> mappedRoutes() {
        Set<Route> routes = new TreeSet<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    (methods.isEmpty() ? Set.of(RequestMethod.GET) : methods).forEach(m -> routes.add(new Route(m, pattern)));
                }
            }
        }
        return routes;
    }

    private void expect(List<String> failures, Route route, String credentials, int status) throws Exception {
        int actual = send(route.method().name(), route.samplePath(), null, credentials).statusCode();
        if (actual != status) {
            failures.add(route.method() + " " + route.pattern() + " as " + (credentials == null ? "anonymous"
                    : credentials.substring(0, credentials.indexOf(':'))) + ": " + actual + ", expected " + status);
        }
    }

    private HttpResponse<String> send(String method, String path, String json, String credentials) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (credentials != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
