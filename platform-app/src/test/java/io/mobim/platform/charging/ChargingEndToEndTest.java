package io.mobim.platform.charging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mobim.platform.MobimIntegrationTest;
import io.mobim.platform.messaging.ClientDeliveries;
import io.mobim.platform.messaging.MessageSender;
import io.mobim.platform.messaging.Origin;
import io.mobim.platform.messaging.Target;
import io.mobim.platform.presence.ClientSessions;
import io.mobim.events.Msisdn;
import io.mobim.platform.subscribers.SubscriberChanges;
import io.mobim.platform.subscribers.Subscribers;
import io.mobim.platform.support.MutableClock;
import io.mobim.platform.support.TestNumbers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * A message between two Vodafone UK subscribers is charged once to each: the IM core records both legs in
 * its outbox, the relay publishes them on charging.v1, and billing rates them at 0.12 GBP each.
 */
@MobimIntegrationTest
class ChargingEndToEndTest {

    @Value("${local.server.port}") int port;
    @Autowired Subscribers subscribers;
    @Autowired ClientSessions clientSessions;
    @Autowired MessageSender sender;
    @Autowired ClientDeliveries clients;
    @Autowired MutableClock clock;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void bothLegsOfAMessageAreRatedOnceAtThePlansPrice() throws Exception {
        Msisdn alice = register("alice");
        Msisdn bob = register("bob");
        UUID bobSession = clientSessions.openSession(bob);
        String period = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)).toString();

        UUID id = sender.send(alice, Target.subscriber(bob), "charge me", Origin.client(), null, false).messageId();
        clients.fetch(bobSession, 10);
        clients.acknowledge(bobSession, id);

        String sent = await().atMost(Duration.ofSeconds(60)).until(() -> records(alice, period), body -> body.contains(id.toString()));
        assertThat(sent).contains("\"chargedRole\":\"ORIGINATOR\"").contains("\"amount\":0.12").contains("\"currency\":\"GBP\"")
                .contains("\"planId\":\"VODAFONE_UK\"");
        String received = await().atMost(Duration.ofSeconds(60)).until(() -> records(bob, period), body -> body.contains(id.toString()));
        assertThat(received).contains("\"chargedRole\":\"RECIPIENT\"").contains("\"amount\":0.12").contains("\"channel\":\"CLIENT\"");
        assertThat(count(sent, id.toString())).as("one rated record per leg").isEqualTo(1);
        assertThat(count(received, id.toString())).isEqualTo(1);
    }

    private Msisdn register(String nick) {
        return register(nick, "VODAFONE_UK");
    }

    private Msisdn register(String nick, String plan) {
        Msisdn m = TestNumbers.next();
        subscribers.register(m, nick, new SubscriberChanges(null, null, null, plan, null, true, null));
        return m;
    }

    private String records(Msisdn msisdn, String period) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/billing/records?msisdn="
                        + msisdn.value().replace("+", "%2B") + "&period=" + period))
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("billing:billing-secret".getBytes(StandardCharsets.UTF_8)))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void aDayOfUseIsChargedOnceADayOnTheO2Plan() throws Exception {
        Msisdn otto = register("otto", "O2_DE");
        Msisdn friend = register("friend", "O2_DE");
        String period = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)).toString();

        clientSessions.openSession(otto);
        sender.send(otto, Target.subscriber(friend), "hallo", Origin.client(), null, false);
        sender.send(otto, Target.subscriber(friend), "noch einmal", Origin.client(), null, false);

        String records = await().atMost(Duration.ofSeconds(60)).until(() -> records(otto, period), body -> body.contains("DAILY_ACCESS"));
        assertThat(count(records, "\"kind\":\"DAILY_ACCESS\"")).as("one daily fee for a day of use").isEqualTo(1);
        assertThat(records).contains("\"amount\":0.09").contains("\"currency\":\"EUR\"");
    }

    @Test
    void theDataOfAClientSessionIsChargedOnceWhenItEndsPerStartedBlockOf10Kb() throws Exception {
        Msisdn olga = register("olga", "O2_DE");
        String period = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)).toString();

        UUID session = clientSessions.openSession(olga);
        assertThat(clientSessions.recordData(session, 20_000)).isTrue();
        assertThat(clientSessions.recordData(session, 600)).isTrue(); // 20,600 bytes: three started blocks of 10,240
        clientSessions.closeSession(session);
        assertThat(clientSessions.recordData(session, 5_000)).as("an ended session moves nothing more").isFalse();
        clientSessions.closeSession(session); // ending it again charges nothing again

        String records = await().atMost(Duration.ofSeconds(60)).until(() -> records(olga, period), body -> body.contains("SESSION_DATA"));
        assertThat(count(records, "\"kind\":\"SESSION_DATA\"")).as("one charge for the session").isEqualTo(1);
        assertThat(records).contains("\"amount\":0.15").contains("\"bytes\":20600");
        UUID quiet = clientSessions.openSession(olga);
        clientSessions.closeSession(quiet);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> count(records(olga, period), "SESSION_DATA") == 1);
    }
}
