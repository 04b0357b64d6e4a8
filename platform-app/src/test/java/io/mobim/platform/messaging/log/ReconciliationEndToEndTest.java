package io.mobim.platform.messaging.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mobim.billing.reconciliation.MessageLogClient;
import io.mobim.events.EventJson;
import io.mobim.platform.MobimIntegrationTest;
import io.mobim.platform.messaging.DeliveryStatus;
import io.mobim.platform.messaging.MessageSender;
import io.mobim.platform.messaging.Origin;
import io.mobim.platform.messaging.Target;
import io.mobim.events.Msisdn;
import io.mobim.platform.subscribers.Subscribers;
import io.mobim.platform.support.MutableClock;
import io.mobim.platform.support.Handsets;
import io.mobim.smpp.simulator.SmscSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The billing team's daily reconciliation in the all-in-one runtime, from three independent sources: billing fetches
 * the IM core's message log from this process's own server as the user the process made up (no credentials are
 * configured for it, as in an all-in-one without a billing user), reads the SMS gateway's
 * MOs and receipts from the SMS topics, and compares both with its rated records. A message chatted by SMS through
 * the SMS-C simulator reconciles on every side; a message whose charging event never left the IM core (its outbox
 * row gone) shows as logged but not rated, which a log derived from the charging events could never show.
 */
@MobimIntegrationTest
class ReconciliationEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final List<String> MISMATCH_LISTS = List.of("notRated", "ratedNotInLog", "ratedTwice", "smsUnconfirmed",
            "smsFailed", "gatewayNotRated");

    @Value("${local.server.port}") int port;
    @Autowired SmscSimulator smsc;
    @Autowired Subscribers subscribers;
    @Autowired MessageSender sender;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;
    @Autowired MutableClock clock;
    @Autowired MessageLogClient.Credentials inProcessReader;
    private Handsets handsets;

    @BeforeEach
    void handsets() {
        handsets = new Handsets(smsc, subscribers);
    }

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anSmsChatReconcilesAndALostChargeShowsAsNotRated() {
        Instant start = clock.instant();
        Msisdn alice = handsets.subscriber("A");
        Msisdn bob = handsets.subscriber("Bob");
        handsets.addsContact(alice, bob, "Bob");
        handsets.awaitSms(bob, "wants to add you");
        handsets.text(bob, "ACCEPT 1");
        handsets.awaitSms(alice, "Bob accepted you");
        handsets.text(alice, "1 Hello there");
        handsets.awaitSms(bob, "A: Hello there");
        UUID hello = jdbc.sql("select id from im.message where sender = ? order by created_at desc limit 1")
                .param(alice.value()).query(UUID.class).single();
        await().atMost(WAIT).until(() -> sender.outcomes(hello).getFirst().status() == DeliveryStatus.DELIVERED);

        // a message whose charging event is lost before the relay saw it: committed without its outbox row
        Msisdn carol = handsets.subscriber("Carol");
        Msisdn dave = handsets.subscriber("Dave");
        AtomicInteger deleted = new AtomicInteger();
        UUID lost = new TransactionTemplate(transactions).execute(s -> {
            UUID id = sender.send(carol, Target.subscriber(dave), "never charged", Origin.client(), null, false).messageId();
            // the outbox writes its row just before commit: remove the charging record after that, still inside
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    // the transaction's row keeps its other records (the SMS MT): only the charging event is cut out
                    deleted.set(jdbc.sql("""
                            update im.outbox_transaction o set topics = o.topics[:r.position - 1] || o.topics[r.position + 1:],
                                record_keys = o.record_keys[:r.position - 1] || o.record_keys[r.position + 1:],
                                payloads = o.payloads[:r.position - 1] || o.payloads[r.position + 1:],
                                stamp_sequence = o.stamp_sequence[:r.position - 1] || o.stamp_sequence[r.position + 1:]
                            from im.outbox_record r
                            where r.outbox_id = o.id and r.topic = 'charging.v1' and convert_from(r.payload, 'UTF8') like ?""")
                            .param("%" + id + "%").update());
                }
            });
            return id;
        });
        assertThat(deleted).as("the sender's charging event").hasValue(1);
        LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);

        String log = get("/api/v1/messages/log/" + day, "application/json", "billing:billing-secret").body();
        JsonNode legs = EventJson.mapper().readTree(log).get("legs");
        assertThat(leg(legs, hello, "SENT").get("channel").asString()).isEqualTo("SMS");
        assertThat(leg(legs, hello, "SENT").get("gatewayId").asString()).as("the MO's id on sms.mo.v1").isNotBlank();
        assertThat(leg(legs, hello, "RECEIVED").get("gatewayId").asString()).as("the MT's request id").startsWith("dlv-");
        assertThat(leg(legs, lost, "SENT").get("channel").asString()).isEqualTo("CLIENT");

        JsonNode report = await().atMost(WAIT).until(() -> reconciliation(day), r -> settled(r, hello, lost));
        assertThat(report.get("sources").get("log").asString()).isEqualTo("im");
        assertThat(report.get("sources").get("gateway").asString()).isEqualTo("sms-topics");
        JsonNode threeWay = report.get("threeWay");
        assertThat(threeWay.get("notRated").toString()).contains(lost + ":SENT");
        for (String list : MISMATCH_LISTS) {
            assertThat(threeWay.get(list).toString()).as(list).doesNotContain(hello.toString());
        }
        assertThat(threeWay.get("moReceived").asInt()).as("ADD, ACCEPT and the message").isGreaterThanOrEqualTo(3);
        assertThat(threeWay.get("mtDelivered").asInt()).isGreaterThanOrEqualTo(1);
        // the ADD and the ACCEPT: free by design, as the IM core's log says, not mismatches
        List<String> commands = await().atMost(WAIT).until(() -> jdbc.sql("""
                select 'MO:' || coalesce(g.smsc_reference, 'id=' || g.fact_id) from billing.gateway_fact g
                join im.sms_mo_handled h on h.mo_id = g.fact_id
                where g.direction = 'MO' and h.handled_at >= ?
                  and not exists (select 1 from im.message m where m.client_message_id = ? || g.fact_id)""")
                .params(Timestamp.from(start), MessageSender.MO_CLIENT_ID_PREFIX).query(String.class).list(),
                c -> c.size() == 2);   // ADD and ACCEPT, as billing recorded them from sms.mo.v1
        assertThat(strings(threeWay.get("moFree"))).containsAll(commands);
        assertThat(strings(threeWay.get("moNotCharged"))).doesNotContainAnyElementsOf(commands);

        // an MO the SMS gateway reported that the IM core never handled (lost on its way): a mismatch
        String lostMo = "LOST-" + UUID.randomUUID();
        jdbc.sql("""
                insert into billing.gateway_fact (direction, fact_id, smsc_reference, status, business_day, segments,
                                                  first_at, status_at)
                values ('MO', ?, ?, 'RECEIVED', ?, 1, ?, ?)""")
                .params("mo-" + lostMo, lostMo, day, Timestamp.from(clock.instant()), Timestamp.from(clock.instant())).update();
        JsonNode withLostMo = reconciliation(day).get("threeWay");
        assertThat(strings(withLostMo.get("moNotCharged"))).contains("MO:" + lostMo);
        assertThat(withLostMo.get("moFreeKnown").asBoolean()).isTrue();

        String csv = get("/api/v1/billing/reconciliation/" + day, "text/csv", "billing:billing-secret").body();
        assertThat(csv).contains("MISMATCH," + day + ",NOT_RATED," + lost + ":SENT\r\n").contains("SOURCE," + day + ",log,im\r\n")
                .contains("MISMATCH," + day + ",MO_NOT_CHARGED,MO:" + lostMo + "\r\n")
                .contains("UNCHARGED," + day + ",MO_FREE," + commands.getFirst() + "\r\n");
        assertThat(csv.lines().toList().getLast()).startsWith("TRAILER," + day + ",");
    }

    @Test
    void theMessageLogIsForTheOperatorTheBillingTeamAndBillingInTheSameProcessOnly() {
        LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        HttpResponse<String> csv = get("/api/v1/messages/log/" + day, "text/csv", "admin:admin-secret");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).startsWith("message_id,direction,channel,msisdn,at,gateway_id\r\n");
        assertThat(csv.body().lines().toList().getLast()).startsWith("TRAILER," + day + ",UTC,");
        assertThat(get("/api/v1/messages/log/" + day, "text/csv", null).statusCode()).isEqualTo(401);

        // the user billing reads it as in this process: the message log and nothing else
        String inProcess = inProcessReader.username() + ":" + inProcessReader.password();
        assertThat(inProcessReader.username()).isEqualTo("mobim-in-process-reconciliation");
        assertThat(get("/api/v1/messages/log/" + day, "application/json", inProcess).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/billing/plans", "application/json", inProcess).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/subscribers", "application/json", inProcess).statusCode()).isEqualTo(403);
        assertThat(get("/actuator/prometheus", "text/plain", inProcess).statusCode()).isEqualTo(403);
    }

    @Test
    void aDayPastTheMessageRetentionHasNoLogAndItsReportSaysTheLogIsDerived() throws Exception {
        // mobim.messaging.retention 90 days minus mobim.messaging.validity 3: a log of a day older than 87 is not whole
        LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(88);
        for (String type : List.of("application/json", "text/csv")) {
            HttpResponse<String> gone = get("/api/v1/messages/log/" + day, type, "billing:billing-secret");
            assertThat(gone.statusCode()).as(type).isEqualTo(410);
            assertThat(gone.body()).as(type).contains("mobim.messaging.retention");
        }
        JsonNode report = reconciliation(day);
        assertThat(report.get("sources").get("log").asString()).isEqualTo("billing-derived");
        assertThat(report.get("sources").get("log.detail").asString()).contains("HTTP 410").contains("mobim.messaging.retention");
        assertThat(get("/api/v1/messages/log/" + day.plusDays(3), "application/json", "billing:billing-secret").statusCode())
                .as("a day within the retention").isEqualTo(200);
    }

    @Test
    void aDayPastTheHandledMoRetentionNamesNoFreeMosAndItsReportSaysSo() {
        // mobim.sms.handled-mo-retention 14 days: for a day 20 days ago the marks that tell a free MO from one the IM
        // core never handled are gone, so a list of them would be short and billing would count the rest as mismatches
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        assertThat(extract(today).get("freeMos").isArray()).as("today's free MOs are known").isTrue();
        LocalDate day = today.minusDays(20);
        JsonNode freeMos = extract(day).get("freeMos");
        assertThat(freeMos == null || freeMos.isNull()).as("free MOs of %s: %s", day, freeMos).isTrue();

        JsonNode report = reconciliation(day);
        assertThat(report.get("sources").get("log").asString()).isEqualTo("im");
        assertThat(report.get("sources").get("log.detail").asString()).contains("mobim.sms.handled-mo-retention");
        assertThat(report.get("threeWay").get("moFreeKnown").asBoolean()).isFalse();
    }

    private JsonNode extract(LocalDate day) {
        HttpResponse<String> response = get("/api/v1/messages/log/" + day, "application/json", "billing:billing-secret");
        assertThat(response.statusCode()).isEqualTo(200);
        return EventJson.mapper().readTree(response.body());
    }

    /** Every side has caught up: both legs of the SMS chat are rated and confirmed, the lost leg is listed. */
    private static boolean settled(JsonNode report, UUID hello, UUID lost) {
        JsonNode w = report.get("threeWay");
        return w.get("notRated").toString().contains(lost + ":SENT")
                && MISMATCH_LISTS.stream().noneMatch(list -> w.get(list).toString().contains(hello.toString()));
    }

    private JsonNode reconciliation(LocalDate day) {
        HttpResponse<String> response = get("/api/v1/billing/reconciliation/" + day, "application/json", "billing:billing-secret");
        assertThat(response.statusCode()).isEqualTo(200);
        return EventJson.mapper().readTree(response.body());
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    private static JsonNode leg(JsonNode legs, UUID messageId, String direction) {
        for (JsonNode l : legs) {
            if (l.get("messageId").asString().equals(messageId.toString()) && l.get("direction").asString().equals(direction)) {
                return l;
            }
        }
        throw new AssertionError("no " + direction + " leg of " + messageId + " in the message log");
    }

    private HttpResponse<String> get(String path, String accept, String credentials) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Accept", accept);
        if (credentials != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
