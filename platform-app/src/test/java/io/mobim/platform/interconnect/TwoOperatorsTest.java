package io.mobim.platform.interconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mobim.embedded.EmbeddedKafkaBroker;
import io.mobim.embedded.FreePorts;
import io.mobim.events.EventJson;
import io.mobim.events.Msisdn;
import io.mobim.events.Topics;
import io.mobim.events.interop.InteropChannel;
import io.mobim.platform.MobimApplication;
import io.mobim.platform.numberplan.NumberPlan;
import io.mobim.platform.presence.Availability;
import io.mobim.platform.presence.PresenceService;
import io.mobim.platform.presence.PresenceView;
import io.mobim.platform.subscribers.SubscriberChanges;
import io.mobim.platform.subscribers.Subscribers;
import io.mobim.platform.wv.WvTestClient;
import io.mobim.smpp.simulator.SmscSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Two operators, each a whole platform with its own database, Kafka broker, SMS-C simulator and number range:
 * GBRVF (+4477..., every role, the clearing house too) and FRAF1 (+336..., im and smpp). Their subscribers text each
 * other by SMS command and from Wireless Village clients, both ways, over the server-to-server interface, and ask each
 * other for presence authorization, and see each other's presence (pushed over the same interface); a message sent while FRAF1 is down arrives once it
 * is back; a number of FRAF1's range ported to GBRVF reaches GBRVF; both sides' inter-operator records reach the clearing
 * house (FRAF1's as the CSV upload an operator sends, one record dropped and one duplicated), which makes disputes of
 * those two and settles the rest to the minor unit; billing rates the off-net legs on both sides. GBRVF has a third peer,
 * ITTM1 (a stand-in), down until the test brings it up: what waits for it holds back nothing for FRAF1, the instance
 * stays healthy, and it all arrives in order once ITTM1 is up; what waits for an operator no longer configured is
 * refused. Two application contexts
 * in one JVM: run in a fork of its own (surefire execution {@code two-operators}, tag {@value #TAG}).
 */
@Tag(TwoOperatorsTest.TAG)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoOperatorsTest {

    static final String TAG = "two-operators";
    private static final String A = "GBRVF";
    private static final String B = "FRAF1";
    /** A third peer of GBRVF's: a stand-in ({@link FakePeer}) that is down until a test brings it up. */
    private static final String C = "ITTM1";
    private static final String SECRET = "a-secret-both-operators-share-0123456789";
    private static final Duration WAIT = Duration.ofSeconds(60);

    static TcpProxy toB;
    static FakePeer peerC;
    static TcpProxy toA;
    static EmbeddedKafkaBroker kafkaB;
    static Path kafkaBDir;
    static ConfigurableApplicationContext a;
    static ConfigurableApplicationContext b;
    static final HttpClient http = HttpClient.newHttpClient();

    static final Msisdn ANN = Msisdn.of("+447700900101");      // GBRVF
    static final Msisdn BOB = Msisdn.of("+33612345601");       // FRAF1
    static final Msisdn CARLA = Msisdn.of("+33698765402");     // FRAF1's range, ported to GBRVF
    static final Msisdn DORA = Msisdn.of("+33612345603");      // FRAF1, SMS only
    static final Msisdn ZIA = Msisdn.of("+393331234567");      // ITTM1

    @BeforeAll
    static void twoOperators() throws Exception {
        toB = new TcpProxy();
        toA = new TcpProxy();
        peerC = new FakePeer(FreePorts.pick());
        a = new SpringApplicationBuilder(MobimApplication.class).run(
                "--server.port=0", "--mobim.embedded.ephemeral=true", "--mobim.smpp.simulator.port=0",
                "--mobim.subscribers.home-operator=" + A,
                "--mobim.admin.user=admin", "--mobim.admin.password=a-admin",
                "--mobim.admin.clearing-user=clearing", "--mobim.admin.clearing-password=clearing-secret",
                "--mobim.kafka.retry.max-interval=1s",
                "--mobim.interconnect.peers." + B + ".url=http://127.0.0.1:" + toB.port(),
                "--mobim.interconnect.peers." + B + ".secret=" + SECRET,
                "--mobim.interconnect.peers." + C + ".url=http://127.0.0.1:" + peerC.port(),
                "--mobim.interconnect.peers." + C + ".secret=" + SECRET);
        String jdbcUrl = a.getEnvironment().getProperty("spring.datasource.url");
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            c.createStatement().execute("create database operator_b");
        }
        kafkaBDir = Files.createTempDirectory("mobim-operator-b-kafka");
        kafkaB = EmbeddedKafkaBroker.start(kafkaBDir, FreePorts.pick(), 2, true);
        b = new SpringApplicationBuilder(MobimApplication.class).run(
                "--server.port=0", "--mobim.roles=im,smpp,billing", "--mobim.smpp.simulator.port=0",
                "--spring.datasource.url=" + jdbcUrl.replace("/postgres?", "/operator_b?"), "--spring.datasource.username=postgres",
                "--spring.kafka.bootstrap-servers=" + kafkaB.bootstrapServers(),
                "--mobim.subscribers.home-operator=" + B,
                "--mobim.admin.user=admin", "--mobim.admin.password=b-admin",
                "--mobim.kafka.retry.max-interval=1s",
                "--mobim.interconnect.peers." + A + ".url=http://127.0.0.1:" + toA.port(),
                "--mobim.interconnect.peers." + A + ".secret=" + SECRET);
        toB.forwardTo(port(b));
        toA.forwardTo(port(a));
        toB.start();
        toA.start();

        for (ConfigurableApplicationContext op : List.of(a, b)) {
            NumberPlan plan = op.getBean(NumberPlan.class);
            plan.assign("+4477", A);
            plan.assign("+336", B);
        }
        a.getBean(NumberPlan.class).assign("+3933", C);
        // FRAF1's portability export says Carla took her number to GBRVF
        b.getBean(NumberPlan.class).importPorted(List.of(new NumberPlan.Ported(CARLA.value(), A, Instant.parse("2026-11-01T00:00:00Z"))));
        register(a, ANN, "Ann");
        register(a, CARLA, "Carla");
        register(b, BOB, "Bob");
        register(b, DORA, "Dora");
    }

    @AfterAll
    static void stop() throws Exception {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
        if (kafkaB != null) {
            kafkaB.close();
        }
        if (toA != null) {
            toA.close();
            toB.close();
        }
        if (peerC != null) {
            peerC.close();
        }
    }

    @Test
    @Order(1)
    void subscribersOfTwoOperatorsTextEachOtherAndTheClearingHouseSettlesItToTheMinorUnit() throws Exception {
        text(a, ANN, "ADD " + BOB.value() + " Bob");
        awaitSms(a, ANN, "Bob");
        text(a, ANN, "1 Hello Bob");
        assertThat(awaitSms(b, BOB, "Hello Bob")).as("delivered by FRAF1 over its own SMS-C, under the sender's name")
                .startsWith("Ann: Hello Bob");

        // Ann's request to see Bob's presence crossed to FRAF1 with her message; Bob's answer crosses back
        assertThat(awaitSms(b, BOB, "wants to add you")).startsWith("Ann (" + ANN.value() + ") wants to add you. Text ACCEPT 1");
        text(b, BOB, "ACCEPT 1");
        assertThat(awaitSms(a, ANN, "accepted you")).startsWith(BOB.value() + " accepted you");

        text(b, BOB, "ADD " + ANN.value() + " Ann");
        awaitSms(b, BOB, "Ann");
        text(b, BOB, "1 Hi Ann");
        assertThat(awaitSms(a, ANN, "Hi Ann")).startsWith("Bob: Hi Ann");

        // FRAF1 goes down for a while: the message waits on GBRVF's side, and arrives once FRAF1 is back
        toB.stop();
        text(a, ANN, "1 While you were away");
        Thread.sleep(3_000); // several attempts fail meanwhile
        assertThat(smsc(b).messagesTo(BOB.value())).noneMatch(m -> m.text().contains("While you were away"));
        toB.start();
        awaitSms(b, BOB, "While you were away");

        // a number of FRAF1's range that moved to GBRVF
        text(b, BOB, "ADD " + CARLA.value() + " Carla");
        awaitSms(b, BOB, "Carla");
        text(b, BOB, "2 Hi Carla");
        assertThat(awaitSms(a, CARLA, "Hi Carla")).as("routed to the operator the number moved to").startsWith("Bob: Hi Carla");

        // a number of FRAF1's range that is nobody's there: FRAF1 refuses it, Ann is told, nothing is recorded
        text(a, ANN, "ADD +33600000009 Zed");
        awaitSms(a, ANN, "Zed is contact 2");
        text(a, ANN, "2 Anyone there?");
        assertThat(awaitSms(a, ANN, "Not delivered")).isEqualTo("Not delivered to Zed.");

        // from the client channel, addressed by MSISDN: Ann's client to Bob's phone, Bob's client to Ann's client
        WvTestClient annClient = WvTestClient.loggedIn(port(a), ANN);
        assertThat(annClient.send("From my client", BOB)).isEqualTo(200);
        assertThat(awaitSms(b, BOB, "From my client")).startsWith("Ann: From my client");
        WvTestClient bobClient = WvTestClient.loggedIn(port(b), BOB);
        assertThat(bobClient.send("Client to client", ANN)).isEqualTo(200);
        assertThat(annClient.awaitMessage(WAIT)).isEqualTo("Client to client");

        // each message crossed once: six records each side
        List<JsonNode> recordsA = await().atMost(WAIT).until(() -> topic(a.getEnvironment().getProperty("spring.kafka.bootstrap-servers"),
                Topics.INTEROP_RECORDS), r -> r.size() == 6);
        List<JsonNode> recordsB = await().atMost(WAIT).until(() -> topic(kafkaB.bootstrapServers(), Topics.INTEROP_RECORDS), r -> r.size() == 6);
        assertThat(recordsA).extracting(r -> r.get("side").asString() + " " + r.get("originatingOperator").asString() + " "
                        + r.get("channel").asString())
                .containsExactlyInAnyOrder("ORIGINATING GBRVF SMS", "ORIGINATING GBRVF SMS", "ORIGINATING GBRVF CLIENT",
                        "TERMINATING FRAF1 SMS", "TERMINATING FRAF1 SMS", "TERMINATING FRAF1 CLIENT");
        assertThat(recordsB).extracting(r -> r.get("side").asString() + " " + r.get("originatingOperator").asString() + " "
                        + r.get("channel").asString())
                .containsExactlyInAnyOrder("TERMINATING GBRVF SMS", "TERMINATING GBRVF SMS", "TERMINATING GBRVF CLIENT",
                        "ORIGINATING FRAF1 SMS", "ORIGINATING FRAF1 SMS", "ORIGINATING FRAF1 CLIENT");

        // the charging events mark the legs off-net: billing rates them as INTEROP
        List<JsonNode> charging = await().atMost(WAIT).until(() -> topic(a.getEnvironment().getProperty("spring.kafka.bootstrap-servers"),
                Topics.CHARGING).stream().filter(e -> "INTEROP".equals(e.path("channel").asString())).toList(), l -> l.size() == 7);
        // the sender's leg is charged when the message is accepted, as any message's, even if the peer refuses it then
        assertThat(charging).extracting(e -> e.get("chargedRole").asString() + " " + e.get("otherOperator").asString())
                .containsExactlyInAnyOrder("ORIGINATOR FRAF1", "ORIGINATOR FRAF1", "ORIGINATOR FRAF1", "ORIGINATOR FRAF1",
                        "RECIPIENT FRAF1", "RECIPIENT FRAF1", "RECIPIENT FRAF1");

        // the message log billing reconciles with lists Ann's sent legs and the received legs of GBRVF's subscribers,
        // never a leg of FRAF1's Bob: his operator charges him
        JsonNode messageLog = json(call(a, "GET", "/api/v1/messages/log/" + LocalDate.now(ZoneOffset.UTC), null, null, "admin:a-admin").body());
        List<String> legs = new ArrayList<>();
        messageLog.get("legs").forEach(l -> legs.add(l.get("direction").asString() + " " + l.get("msisdn").asString()));
        assertThat(legs).containsExactlyInAnyOrder("SENT " + ANN.value(), "SENT " + ANN.value(), "SENT " + ANN.value(), "SENT " + ANN.value(),
                "RECEIVED " + ANN.value(), "RECEIVED " + ANN.value(), "RECEIVED " + CARLA.value());

        // FRAF1 sends its records to the clearing house as a file; GBRVF's come in on Kafka. FRAF1's file lacks its record
        // of one of Ann's SMS ("dropped on one side"), and its relay reported Bob's client message twice, under two ids
        JsonNode droppedRecord = recordsB.stream().filter(r -> "TERMINATING".equals(r.get("side").asString())
                && "SMS".equals(r.get("channel").asString())).findFirst().orElseThrow();
        JsonNode duplicatedRecord = recordsB.stream().filter(r -> "ORIGINATING".equals(r.get("side").asString())
                && "CLIENT".equals(r.get("channel").asString())).findFirst().orElseThrow();
        List<JsonNode> fileB = new ArrayList<>(recordsB);
        fileB.remove(droppedRecord);
        fileB.add(((ObjectNode) duplicatedRecord.deepCopy()).put("recordId", UUID.randomUUID().toString()));
        HttpResponse<String> upload = call(a, "POST", "/api/v1/clearing/records", "text/csv", csv(fileB), "clearing:clearing-secret");
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(200);
        HttpResponse<String> agreement = call(a, "POST", "/api/v1/clearing/agreements/GBRVF-FRAF1/versions", "application/json", """
                {"partyA": "GBRVF", "partyB": "FRAF1", "validFrom": "2026-01-01", "validTo": null,
                 "chargingModel": "TERMINATION_FEE",
                 "rates": [{"direction": "A_TO_B", "price": "0.0149", "currency": "EUR"},
                           {"direction": "B_TO_A", "price": "0.1234", "currency": "GBP"}],
                 "settlementCurrency": "EUR", "fxRule": "AGREED", "exchangeRates": {"GBP": "1.1537"},
                 "settlementPeriod": "MONTHLY", "timeToleranceSeconds": 300, "unitsTolerancePct": 0, "netting": "BILATERAL"}""",
                "clearing:clearing-secret");
        assertThat(agreement.statusCode()).as(agreement.body()).isEqualTo(201);
        String period = YearMonth.now(ZoneOffset.UTC).toString();
        // the cutoff ends the hour the dropped record's other side would otherwise be waited for
        String cutoff = Instant.now().plus(Duration.ofMinutes(1)).toString();
        JsonNode statement = await().atMost(WAIT).until(() -> {
            runJob("/api/v1/clearing/matching-runs?cutoff=" + cutoff);
            JsonNode result = runJob("/api/v1/clearing/settlements?agreementId=GBRVF-FRAF1&period=" + period);
            return json(call(a, "GET", "/api/v1/clearing/statements/" + result.get(0).get("id").asLong(), null, null,
                    "clearing:clearing-secret").body());
        }, s -> s.get("controlTotals").get("messages").asLong() + s.get("controlTotals").get("withheldMessages").asLong() == 6);

        // the dropped record and the duplicated one are disputes, with their reasons
        JsonNode disputes = json(call(a, "GET", "/api/v1/clearing/disputes?agreementId=GBRVF-FRAF1&status=OPEN", null, null,
                "clearing:clearing-secret").body());
        assertThat(disputes).extracting(d -> d.get("messageId").asString() + ":" + d.get("reason").asString())
                .containsExactlyInAnyOrder(droppedRecord.get("messageId").asString() + ":ORIGINATING_ONLY",
                        duplicatedRecord.get("messageId").asString() + ":DUPLICATE");
        assertThat(disputes).extracting(d -> d.get("originatingRecords").asInt() + "/" + d.get("terminatingRecords").asInt())
                .containsExactlyInAnyOrder("1/0", "2/1");

        // the four matched messages settle, a line per direction and channel, each rounded once (HALF_UP to the cent):
        // GBRVF owes SMS 1 x 0.0149 EUR -> 0.01 and CLIENT 0.0149 -> 0.01; FRAF1 owes SMS 2 x 0.1234 GBP x 1.1537 =
        // 0.28473... -> 0.28. The two disputed messages are held out of the gross amounts and the netting
        assertThat(statement.get("controlTotals").get("messages").asLong()).isEqualTo(4);
        assertThat(statement.get("grossAToB").decimalValue()).isEqualByComparingTo("0.02");
        assertThat(statement.get("grossBToA").decimalValue()).isEqualByComparingTo("0.28");
        assertThat(statement.get("netAmount").decimalValue()).isEqualByComparingTo("0.26");
        assertThat(statement.get("netPayer").asString()).isEqualTo(B);
        // withheld: Ann's SMS 0.0149 -> 0.01 and Bob's client message 0.1234 GBP x 1.1537 = 0.14236... -> 0.14
        assertThat(statement.get("withheld")).extracting(l -> l.get("direction").asString() + ":" + l.get("channel").asString()
                        + ":" + l.get("amount").decimalValue().toPlainString())
                .containsExactlyInAnyOrder("A_TO_B:SMS:0.01", "B_TO_A:CLIENT:0.14");
        assertThat(statement.get("controlTotals").get("withheldMessages").asLong()).isEqualTo(2);
        assertThat(statement.get("controlTotals").get("withheldAmount").decimalValue()).isEqualByComparingTo("0.15");
        assertThat(statement.get("controlTotals").get("totalOwed").decimalValue()).as("disputes are not owed").isEqualByComparingTo("0.30");
    }

    @Test
    @Order(2)
    void theServerToServerInterfaceTakesOnlySignedRequestsOfKnownPeersAndEachMessageOnce() throws Exception {
        String id = UUID.randomUUID().toString();
        byte[] body = EventJson.mapper().writeValueAsBytes(new PeerMessage(id, A, B, ANN.value(), "Ann", DORA.value(),
                "Signed and sealed", InteropChannel.CLIENT, 1, Instant.now()));
        String path = "/s2s/v1/messages";

        assertThat(s2s(body, Map.of()).body()).as("unsigned").contains("\"code\":\"MISSING_HEADERS\"");
        assertThat(s2s("/s2s/v1/authorizations", body, Map.of()).statusCode()).isEqualTo(401);
        assertThat(s2s(body, RequestSigning.headers("XXXX1", SECRET, "POST", path, body, Instant.now())).body())
                .contains("\"code\":\"UNKNOWN_PEER\"").contains("no interconnection with this operator");
        assertThat(s2s(body, RequestSigning.headers(A, SECRET, "POST", path, body, Instant.now().minus(Duration.ofMinutes(10)))).body())
                .contains("\"code\":\"STALE_TIMESTAMP\"");
        assertThat(s2s(body, RequestSigning.headers(A, SECRET.replace('a', 'b'), "POST", path, body, Instant.now())).body())
                .contains("\"code\":\"BAD_SIGNATURE\"");
        assertThat(s2s(body, RequestSigning.headers(A, SECRET, "POST", path, "{}".getBytes(StandardCharsets.UTF_8), Instant.now())).statusCode())
                .as("signed for another body").isEqualTo(401);

        HttpResponse<String> first = s2s(body, RequestSigning.headers(A, SECRET, "POST", path, body, Instant.now()));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        HttpResponse<String> again = s2s(body, RequestSigning.headers(A, SECRET, "POST", path, body, Instant.now()));
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(json(again.body()).get("messageId").asString()).as("a retry gets the first answer")
                .isEqualTo(json(first.body()).get("messageId").asString());
        assertThat(json(again.body()).get("duplicate").asBoolean()).isTrue();
        awaitSms(b, DORA, "Signed and sealed");
        Thread.sleep(1_000);
        assertThat(smsc(b).messagesTo(DORA.value())).filteredOn(m -> m.text().contains("Signed and sealed")).hasSize(1);

        byte[] unknown = EventJson.mapper().writeValueAsBytes(new PeerMessage(UUID.randomUUID().toString(), A, B, ANN.value(), "Ann",
                "+33600000009", "Nobody", InteropChannel.CLIENT, 1, Instant.now()));
        HttpResponse<String> refused = s2s(unknown, RequestSigning.headers(A, SECRET, "POST", path, unknown, Instant.now()));
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(refused.body()).contains("\"code\":\"RECIPIENT_UNKNOWN\"");
    }

    @Test
    @Order(3)
    void aPeersSubscribersPresenceReachesTheirAuthorisedWatchersAndWaitsOutAnOutage() throws Exception {
        // Bob accepted Ann (test 1): FRAF1 pushes his presence to GBRVF as it changes, and Ann sees it by SMS and client
        WvTestClient.loggedIn(port(b), BOB);
        text(b, BOB, "STATUS busy in a meeting");
        PresenceService presenceA = a.getBean(PresenceService.class);
        await().atMost(WAIT).until(() -> presenceA.view(ANN, BOB).map(PresenceView::statusText).orElse(""), "in a meeting"::equals);
        text(a, ANN, "LIST");
        assertThat(awaitSms(a, ANN, "in a meeting")).contains("1 Bob (busy, in a meeting)");
        assertThat(presenceA.contactsOf(ANN)).as("what Ann's client is shown")
                .anySatisfy(v -> {
                    assertThat(v.msisdn()).isEqualTo(BOB);
                    assertThat(v.availability()).isEqualTo(Availability.BUSY);
                    assertThat(v.clientOnline()).isTrue();
                });
        assertThat(presenceA.view(CARLA, BOB)).as("only the watchers Bob authorised").isEmpty();

        // GBRVF is down while Bob changes his status: the push waits on FRAF1's side and arrives once GBRVF is back
        toA.stop();
        text(b, BOB, "STATUS away gone fishing");
        Thread.sleep(3_000);
        assertThat(presenceA.view(ANN, BOB).orElseThrow().statusText()).isEqualTo("in a meeting");
        toA.start();
        await().atMost(WAIT).until(() -> presenceA.view(ANN, BOB).map(PresenceView::statusText).orElse(""), "gone fishing"::equals);
        assertThat(presenceA.view(ANN, BOB).orElseThrow().availability()).isEqualTo(Availability.AWAY);

        // invisible: Ann sees Bob away and offline, as a watcher of his own operator would
        text(b, BOB, "STATUS invisible");
        await().atMost(WAIT).until(() -> presenceA.view(ANN, BOB).orElseThrow(), v -> !v.clientOnline() && v.statusText() == null);
        assertThat(presenceA.view(ANN, BOB).orElseThrow().availability()).isEqualTo(Availability.AWAY);
    }

    @Test
    @Order(4)
    void aPresencePushIsSignedIdempotentAndOnlyForThePeersOwnSubscribers() throws Exception {
        String path = "/s2s/v1/presence";
        Instant at = Instant.now();
        byte[] ann = EventJson.mapper().writeValueAsBytes(new PeerPresence(A, B, ANN.value(), List.of(BOB.value()), Availability.AVAILABLE,
                "hello", true, true, null, at));
        assertThat(s2s(path, ann, Map.of()).statusCode()).as("unsigned").isEqualTo(401);
        HttpResponse<String> first = s2s(path, ann, RequestSigning.headers(A, SECRET, "POST", path, ann, Instant.now()));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        assertThat(json(first.body()).get("unchanged").asBoolean()).isFalse();
        HttpResponse<String> again = s2s(path, ann, RequestSigning.headers(A, SECRET, "POST", path, ann, Instant.now()));
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(json(again.body()).get("unchanged").asBoolean()).as("a retry changes nothing").isTrue();
        byte[] older = EventJson.mapper().writeValueAsBytes(new PeerPresence(A, B, ANN.value(), List.of(BOB.value()), Availability.BUSY,
                "stale", false, true, null, at.minusSeconds(60)));
        assertThat(json(s2s(path, older, RequestSigning.headers(A, SECRET, "POST", path, older, Instant.now())).body()).get("unchanged")
                .asBoolean()).as("an older push than the one kept changes nothing").isTrue();

        byte[] notA = EventJson.mapper().writeValueAsBytes(new PeerPresence(A, B, DORA.value(), List.of(BOB.value()), Availability.AVAILABLE,
                null, false, true, null, Instant.now()));
        HttpResponse<String> refused = s2s(path, notA, RequestSigning.headers(A, SECRET, "POST", path, notA, Instant.now()));
        assertThat(refused.statusCode()).as("FRAF1's own subscriber").isEqualTo(403);
        assertThat(refused.body()).contains("\"code\":\"WRONG_OPERATOR\"");
        byte[] invisible = "{\"fromOperator\":\"GBRVF\",\"toOperator\":\"FRAF1\",\"presentity\":\"+447700900101\",\"watchers\":[],\"availability\":\"INVISIBLE\",\"clientOnline\":false,\"smsReachable\":true,\"changedAt\":\"2026-12-01T00:00:00Z\"}"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(s2s(path, invisible, RequestSigning.headers(A, SECRET, "POST", path, invisible, Instant.now())).statusCode())
                .as("never sent as invisible").isEqualTo(422);
    }

    @Test
    @Order(5)
    void billingRatesTheOffNetLegsOfCrossOperatorMessagesOnBothPlatforms() throws Exception {
        // VODAFONE_UK (everyone's plan here) prices a sent and a received INTEROP message 0.12 GBP each (IM_SENT, IM_RECEIVED)
        String period = YearMonth.now(ZoneOffset.UTC).toString();
        // GBRVF: Ann's four messages to FRAF1 (the one FRAF1 refused too: charged when accepted), the two she got from
        // Bob, and the one Carla got from him
        assertThat(interopRatings(a, "admin:a-admin", ANN, period, 6)).containsExactlyInAnyOrder(
                "SENT FRAF1 IM_SENT 1x0.12 0.12 GBP", "SENT FRAF1 IM_SENT 1x0.12 0.12 GBP", "SENT FRAF1 IM_SENT 1x0.12 0.12 GBP",
                "SENT FRAF1 IM_SENT 1x0.12 0.12 GBP", "RECEIVED FRAF1 IM_RECEIVED 1x0.12 0.12 GBP", "RECEIVED FRAF1 IM_RECEIVED 1x0.12 0.12 GBP");
        assertThat(interopRatings(a, "admin:a-admin", CARLA, period, 1)).containsExactly("RECEIVED FRAF1 IM_RECEIVED 1x0.12 0.12 GBP");
        // FRAF1: Bob's three messages to GBRVF and the three he got from Ann, and the signed one Dora got
        assertThat(interopRatings(b, "admin:b-admin", BOB, period, 6)).containsExactlyInAnyOrder(
                "SENT GBRVF IM_SENT 1x0.12 0.12 GBP", "SENT GBRVF IM_SENT 1x0.12 0.12 GBP", "SENT GBRVF IM_SENT 1x0.12 0.12 GBP",
                "RECEIVED GBRVF IM_RECEIVED 1x0.12 0.12 GBP", "RECEIVED GBRVF IM_RECEIVED 1x0.12 0.12 GBP",
                "RECEIVED GBRVF IM_RECEIVED 1x0.12 0.12 GBP");
        assertThat(interopRatings(b, "admin:b-admin", DORA, period, 1)).containsExactly("RECEIVED GBRVF IM_RECEIVED 1x0.12 0.12 GBP");
    }

    @Test
    @Order(6)
    void aPeerThatIsDownHoldsBackOnlyItsOwnMessagesAndTheInstanceStaysHealthy() throws Exception {
        text(a, ANN, "ADD " + DORA.value() + " Dora");
        String dora = contactNumber(awaitSms(a, ANN, "Dora is contact"));
        // ITTM1 is down: Ann's presence request and message to Zia wait for it
        text(a, ANN, "ADD " + ZIA.value() + " Zia");
        String zia = contactNumber(awaitSms(a, ANN, "Zia is contact"));
        text(a, ANN, zia + " Ciao Zia");
        // and do not hold back what Ann sends FRAF1 meanwhile
        text(a, ANN, dora + " Not held back");
        assertThat(awaitSms(b, DORA, "Not held back")).startsWith("Ann: Not held back");
        assertThat(peerC.received()).isEmpty();

        // a peer that is down is no fault of this instance: healthy, ready, and the peer's state in the details
        assertThat(json(call(a, "GET", "/actuator/health", null, null, null).body()).get("status").asString()).isEqualTo("UP");
        assertThat(call(a, "GET", "/actuator/health/readiness", null, null, null).statusCode()).isEqualTo(200);
        JsonNode peers = await().atMost(WAIT).until(() -> json(call(a, "GET", "/actuator/health", null, null, "admin:a-admin").body()),
                h -> "DOWN".equals(h.at("/components/interconnect/details/peers/" + C + "/state").asString())
                        && h.at("/components/interconnect/details/peers/" + C + "/queued").asLong() == 2);
        assertThat(peers.get("status").asString()).isEqualTo("UP");
        assertThat(peers.at("/components/interconnect/status").asString()).isEqualTo("UP");
        assertThat(peers.at("/components/interconnect/details/peers/" + B + "/state").asString()).isEqualTo("UP");

        // ITTM1 comes back: what waited for it arrives, in the order it was sent
        peerC.start();
        await().atMost(WAIT).until(() -> peerC.received().size() >= 2);
        assertThat(peerC.received()).extracting(r -> r.path() + " " + r.caller()).containsExactly(
                "/s2s/v1/authorizations GBRVF", "/s2s/v1/messages GBRVF");
        assertThat(peerC.received().get(1).body().get("body").asString()).isEqualTo("Ciao Zia");
        assertThat(peerC.received().get(1).body().get("recipient").asString()).isEqualTo(ZIA.value());
        await().atMost(WAIT).until(() -> json(call(a, "GET", "/actuator/health", null, null, "admin:a-admin").body())
                .at("/components/interconnect/details/peers/" + C), p -> "UP".equals(p.get("state").asString()) && p.get("queued").asLong() == 0);
    }

    @Test
    @Order(7)
    void whatWaitsForAnOperatorNoLongerConfiguredIsRefusedAndTheSenderTold() throws Exception {
        // a message for DEUD1 still on the topic, queued while DEUD1 was a peer of an earlier configuration
        String id = UUID.randomUUID().toString();
        String stranger = "+4915112345678";
        PeerMessage message = new PeerMessage(id, A, "DEUD1", CARLA.value(), "Carla", stranger, "Hallo", InteropChannel.SMS, 1, Instant.now());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                a.getEnvironment().getProperty("spring.kafka.bootstrap-servers")), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.INTEROP_OUTBOUND, "DEUD1",
                    EventJson.mapper().writeValueAsBytes(new PeerOutbound(message, null, null)))).get();
        }
        assertThat(awaitSms(a, CARLA, "Not delivered")).isEqualTo("Not delivered to " + stranger + ".");
        try (Connection c = DriverManager.getConnection(a.getEnvironment().getProperty("spring.datasource.url"), "postgres", "");
             var rs = c.createStatement().executeQuery("select status, refusal from im.interconnect_outbound where message_id = '" + id + "'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1) + " " + rs.getString(2)).isEqualTo("REFUSED UNKNOWN_PEER");
        }
        assertThat(json(call(a, "GET", "/actuator/health", null, null, "admin:a-admin").body())
                .at("/components/interconnect/details/peers").has("DEUD1")).as("not a peer").isFalse();
    }

    // --- helpers

    /** The current rated INTEROP records of {@code msisdn} in {@code period}, once there are {@code count}. */
    private static List<String> interopRatings(ConfigurableApplicationContext op, String credentials, Msisdn msisdn, String period,
                                               int count) {
        return await().atMost(WAIT).until(() -> {
            JsonNode records = json(call(op, "GET", "/api/v1/billing/records?msisdn=" + msisdn.value().replace("+", "%2B") + "&period="
                    + period, null, null, credentials).body());
            List<String> ratings = new ArrayList<>();
            records.forEach(r -> {
                if ("INTEROP".equals(r.get("channel").asString())) {
                    ratings.add(r.get("direction").asString() + " " + r.get("otherOperator").asString() + " " + r.get("rule").asString()
                            + " " + r.get("amount").decimalValue().toPlainString() + " " + r.get("currency").asString());
                }
            });
            return ratings;
        }, l -> l.size() == count);
    }

    private static void register(ConfigurableApplicationContext op, Msisdn msisdn, String nick) {
        op.getBean(Subscribers.class).register(msisdn, nick, new SubscriberChanges(null, WvTestClient.PASSWORD, "en", "VODAFONE_UK",
                null, true, null));
    }

    private static int port(ConfigurableApplicationContext op) {
        return Integer.parseInt(op.getEnvironment().getProperty("local.server.port"));
    }

    /** N of "Name is contact N..." */
    private static String contactNumber(String reply) {
        return reply.replaceAll("^.* is contact (\\d+).*$", "$1");
    }

    private static SmscSimulator smsc(ConfigurableApplicationContext op) {
        return op.getBean(SmscSimulator.class);
    }

    private static void text(ConfigurableApplicationContext op, Msisdn from, String text) {
        smsc(op).injectMo(from.value(), "20123", text).join();
    }

    private static String awaitSms(ConfigurableApplicationContext op, Msisdn handset, String containing) {
        return await().atMost(WAIT).until(() -> smsc(op).messagesTo(handset.value()).stream()
                .filter(m -> m.text().contains(containing)).findFirst().orElse(null), m -> m != null).text();
    }

    private HttpResponse<String> s2s(byte[] body, Map<String, String> headers) throws Exception {
        return s2s("/s2s/v1/messages", body, headers);
    }

    private HttpResponse<String> s2s(String path, byte[] body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(b) + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(r::header);
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> call(ConfigurableApplicationContext op, String method, String path, String type, String body,
                                             String credentials) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(op) + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Accept", "application/json");
        if (credentials != null) {
            r.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        if (type != null) {
            r.header("Content-Type", type);
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode runJob(String path) throws Exception {
        HttpResponse<String> started = call(a, "POST", path, null, null, "clearing:clearing-secret");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        JsonNode job = await().atMost(WAIT).until(() -> json(call(a, "GET", location, null, null, "clearing:clearing-secret").body()),
                j -> !"RUNNING".equals(j.get("status").asString()));
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        return job.get("result");
    }

    private static JsonNode json(String body) {
        return EventJson.mapper().readTree(body);
    }

    /** Every record of {@code topic} so far, as JSON. */
    private static List<JsonNode> topic(String bootstrap, String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
                "enable.auto.commit", "false"), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<JsonNode> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    records.add(json(r.value()));
                }
            }
            return records;
        }
    }

    private static String csv(List<JsonNode> records) {
        StringBuilder out = new StringBuilder("record_id,side,originating_operator,terminating_operator,message_id,sender,recipient,"
                + "event_time,channel,units\n");
        for (JsonNode r : records) {
            out.append(String.join(",", r.get("recordId").asString(), r.get("side").asString(), r.get("originatingOperator").asString(),
                    r.get("terminatingOperator").asString(), r.get("messageId").asString(), r.get("sender").asString(),
                    r.get("recipient").asString(), r.get("eventTime").asString(), r.get("channel").asString(),
                    r.get("units").asString())).append('\n');
        }
        return out.toString();
    }
}
