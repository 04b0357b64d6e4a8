package io.mobim.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mobim.events.EventJson;
import io.mobim.events.JsonEventSerde;
import io.mobim.events.Topics;
import io.mobim.events.charging.ChargedRole;
import io.mobim.events.charging.Channel;
import io.mobim.events.charging.ChargingEvent;
import io.mobim.events.charging.ChargingKind;
import io.mobim.events.consumer.ConsumerOutages;
import io.mobim.events.sms.SmsMo;
import io.mobim.events.sms.SmsMt;
import io.mobim.platform.MobimApplication;
import io.mobim.platform.deadletters.DeadLetterTopics;
import io.mobim.platform.messaging.MessageSender;
import io.mobim.platform.messaging.Origin;
import io.mobim.platform.messaging.Target;
import io.mobim.events.Msisdn;
import io.mobim.platform.subscribers.SubscriberChanges;
import io.mobim.platform.subscribers.Subscribers;
import io.mobim.platform.support.TestNumbers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Outages are waited out, never dead-lettered (issue #17), on the IM core and billing running on their own
 * PostgreSQL and Kafka broker, which the tests stop and start again ({@link StoppableServices}):
 * <ul>
 *   <li>PostgreSQL stops for longer than the consumers' old retry budget (30 s) while MOs and charging events keep
 *       coming: nothing is dead-lettered, the consumers say they are waiting, and once the database is back every MO is
 *       answered once and every event rated once;</li>
 *   <li>Kafka stops while subscribers send messages: the outbox keeps the MTs and charging events, and sends them
 *       when the broker is back;</li>
 *   <li>a poison record goes to the dead-letter topic at once, and the records behind it are handled;</li>
 *   <li>a record dead-lettered because of a state that did not last (a charging event stamped ahead by a producer
 *       whose clock ran fast, outside billing's window) is replayed by the operator through the admin API once its
 *       time has come, and rated once however often it is replayed.</li>
 * </ul>
 * A failure that is not recognised as an outage would be dead-lettered within a second here (the retry intervals
 * are short, two retries), so the first test fails if an outage is not told from a poison record.
 */
class OutagesAndDeadLettersEndToEndTest {

    private static final String SHORT_CODE = "20123";
    private static StoppableServices services;
    private static ConfigurableApplicationContext app;
    private static TopicReader mts;
    private static TopicReader charging;
    private static TopicReader dlts;

    @BeforeAll
    static void start() throws Exception {
        services = StoppableServices.start(Files.createTempDirectory("mobim-outage-"));
        app = new SpringApplicationBuilder(MobimApplication.class).run(
                "--mobim.roles=im,billing", "--server.port=0",
                "--spring.datasource.url=" + services.jdbcUrl(), "--spring.datasource.username=postgres",
                "--spring.kafka.bootstrap-servers=" + services.bootstrapServers(),
                "--mobim.admin.user=admin", "--mobim.admin.password=outage-secret",
                "--mobim.kafka.instance-id=outage-test",
                "--mobim.kafka.partitions=2", "--mobim.kafka.listener-concurrency=1",
                // short waits, so that a failure taken for anything but an outage is dead-lettered within a second
                "--mobim.kafka.retry.initial-interval=100ms", "--mobim.kafka.retry.max-interval=1s",
                "--mobim.kafka.retry.unknown-retries=2",
                "--mobim.billing.consumer.retry-initial-interval=100ms", "--mobim.billing.consumer.retry-max-interval=1s",
                "--mobim.billing.consumer.unknown-retries=2",
                "--spring.datasource.hikari.connection-timeout=1000",
                // an event more than 5 s ahead is refused: the replay test waits for its time to come
                "--mobim.billing.consumer.max-event-ahead=5s",
                "--mobim.admin.billing-user=billing", "--mobim.admin.billing-password=billing-secret");
        mts = new TopicReader(services.bootstrapServers(), Topics.SMS_MT);
        charging = new TopicReader(services.bootstrapServers(), Topics.CHARGING);
        dlts = new TopicReader(services.bootstrapServers(), Topics.deadLetter(Topics.CHARGING));
    }

    @AfterAll
    static void stop() throws Exception {
        mts.close();
        charging.close();
        dlts.close();
        app.close();
        services.close();
    }

    @Test
    void aDatabaseOutageLongerThanTheOldRetryBudgetLosesNothingAndDeadLettersNothing() throws Exception {
        Msisdn alice = subscriber("alice");
        Msisdn bob = subscriber("bob");
        contacts(alice, bob);
        long deadMos = deadLetters(Topics.SMS_MO);
        long deadCharges = deadLetters(Topics.CHARGING);
        ConsumerOutages outages = app.getBean(ConsumerOutages.class);

        services.stopPostgres();
        Instant down = Instant.now();
        List<String> texts = IntStream.range(0, 20).mapToObj(i -> "during the outage " + i).toList();
        texts.forEach(text -> mo(alice, "1 " + text));
        List<ChargingEvent> events = IntStream.range(0, 10).mapToObj(i -> charge(alice)).toList();
        events.forEach(OutagesAndDeadLettersEndToEndTest::send);
        await().atMost(Duration.ofSeconds(60)).until(() -> outages.waiting().keySet().containsAll(Set.of("mobim-im-mo",
                "billing/ChargingEvent")));
        Thread.sleep(Math.max(0, Duration.ofSeconds(35).minus(Duration.between(down, Instant.now())).toMillis()));
        assertThat(outages.waiting()).as("still waiting, nothing given up").containsKeys("mobim-im-mo", "billing/ChargingEvent");
        services.startPostgres();

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(textsTo(bob)).containsAll(texts.stream()
                .map(OutagesAndDeadLettersEndToEndTest::asReceived).toList()));
        assertThat(textsTo(bob)).as("each MO answered once").filteredOn(t -> t.contains("during the outage")).hasSize(texts.size());
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> rated(jdbc, events) == events.size());
        assertThat(deadLetters(Topics.SMS_MO)).as("no MO dead-lettered").isEqualTo(deadMos);
        assertThat(deadLetters(Topics.CHARGING)).as("no charging event dead-lettered").isEqualTo(deadCharges);
        await().atMost(Duration.ofSeconds(30)).until(() -> outages.waiting().isEmpty());
    }

    @Test
    void whileKafkaIsDownTheOutboxKeepsMtsAndChargesAndSendsThemAfter() throws Exception {
        Msisdn carol = subscriber("carol");
        Msisdn dave = subscriber("dave");
        MessageSender messaging = app.getBean(MessageSender.class);

        services.stopKafka();
        List<String> texts = IntStream.range(0, 10).mapToObj(i -> "while Kafka is down " + i).toList();
        for (String text : texts) {
            messaging.send(carol, Target.subscriber(dave), text, Origin.client(), null, false);
        }
        Thread.sleep(15_000);   // the relay tries, and gives up each round within the producers' max.block.ms
        services.startKafka();

        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(textsTo(dave))
                .containsAll(texts.stream().map(t -> "carol: " + t).toList()));
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<ChargingEvent> charges = chargesOf(Set.of(carol.value(), dave.value()));
            assertThat(charges).as("the messages' charges were relayed").hasSizeGreaterThanOrEqualTo(texts.size());
            assertThat(rated(jdbc, charges)).as("and rated once each").isEqualTo(charges.size());
        });
    }

    @Test
    void aPoisonRecordIsDeadLetteredAtOnceAndTheRecordsBehindItAreHandled() throws Exception {
        Msisdn erin = subscriber("erin");
        Msisdn frank = subscriber("frank");
        contacts(erin, frank);
        long dead = deadLetters(Topics.SMS_MO);

        mo(erin, "1 before the poison");
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.SMS_MO, erin.value(), "{\"not\": \"an MO\"".getBytes(StandardCharsets.UTF_8))).get();
        }
        mo(erin, "1 after the poison");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(textsTo(frank))
                .contains(asReceived("before the poison"), asReceived("after the poison")));
        // by each group that reads sms.mo.v1, the IM's and billing's reconciliation (header kafka_dlt-original-consumer-group)
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters(Topics.SMS_MO) == dead + 2);
    }

    @Test
    void anEventFromAClockThatRanAheadIsDeadLetteredThenReplayedAndRatedOnce() throws Exception {
        String dlt = Topics.deadLetter(Topics.CHARGING);
        ChargingEvent ahead = charge(subscriber("gina"), Instant.now().plusSeconds(20));
        send(ahead);

        ConsumerRecord<String, byte[]> dead = await().atMost(Duration.ofSeconds(60))
                .until(() -> find(dlt, ahead.eventId().toString(), null), r -> r != null);
        assertThat(header(dead, Topics.DEAD_LETTER_REASON_HEADER)).contains("max-event-ahead");
        assertThat(header(dead, Topics.DEAD_LETTER_KIND_HEADER)).isEqualTo("PERMANENT");
        assertThat(dead.key()).isEqualTo(ahead.key());
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        assertThat(rated(jdbc, List.of(ahead))).isZero();
        assertThat(call("GET", "", "admin:outage-secret", null).body()).as("the operator sees it counted")
                .contains("\"topic\":\"" + dlt + "\"");

        String range = "{\"partition\":" + dead.partition() + ",\"fromOffset\":" + dead.offset() + ",\"toOffset\":"
                + (dead.offset() + 1) + "}";
        assertThat(call("POST", "/" + dlt + "/replay", null, range).statusCode()).as("without credentials").isEqualTo(401);
        assertThat(call("POST", "/" + dlt + "/replay", "billing:billing-secret", range).statusCode())
                .as("not an operator admin").isEqualTo(403);
        assertThat(call("POST", "/no.such.topic.dlt/replay", "admin:outage-secret", range).statusCode()).isEqualTo(404);

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), ahead.eventTime()).toMillis()));   // its time has come
        HttpResponse<String> replay = call("POST", "/" + dlt + "/replay", "admin:outage-secret", range);
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).contains("\"replayed\":1").contains("\"originalTopic\":\"" + Topics.CHARGING + "\"");
        await().atMost(Duration.ofSeconds(60)).until(() -> rated(jdbc, List.of(ahead)) == 1);

        ConsumerRecord<String, byte[]> replayed = find(Topics.CHARGING, ahead.eventId().toString(), Topics.REPLAYED_FROM_HEADER);
        assertThat(header(replayed, Topics.REPLAYED_FROM_HEADER)).isEqualTo(dlt + "-" + dead.partition() + "@" + dead.offset());
        assertThat(replayed.key()).isEqualTo(ahead.key());

        assertThat(call("POST", "/" + dlt + "/replay", "admin:outage-secret", range).body()).contains("\"replayed\":1");
        await().atMost(Duration.ofSeconds(30)).until(() -> charging.records().stream().filter(r -> r.headers()
                .lastHeader(Topics.REPLAYED_FROM_HEADER) != null && new String(r.value(), StandardCharsets.UTF_8)
                .contains(ahead.eventId().toString())).count() == 2);
        Thread.sleep(2_000);   // time for billing to take the second replay, which it dedupes
        assertThat(rated(jdbc, List.of(ahead))).as("rated once however often replayed").isEqualTo(1);
    }

    private static Msisdn subscriber(String nick) {
        Msisdn m = TestNumbers.next();
        app.getBean(Subscribers.class).register(m, nick, new SubscriberChanges(null, null, "en", "VODAFONE_UK", null, true, null));
        return m;
    }

    /** How a message of contact 1 (named "other" by {@link #contacts}) reaches a handset. */
    private static String asReceived(String text) {
        return "other: " + text + " (reply: 1 <text>)";
    }

    /** Each adds the other, as handsets would, and is told so. */
    private static void contacts(Msisdn a, Msisdn b) {
        mo(a, "ADD " + b.value() + " other");
        mo(b, "ADD " + a.value() + " other");
        await().atMost(Duration.ofSeconds(60)).until(() -> textsTo(a).stream().anyMatch(t -> t.contains("is contact"))
                && textsTo(b).stream().anyMatch(t -> t.contains("is contact")));
    }

    /** An MO as the gateway publishes it. */
    private static void mo(Msisdn from, String text) {
        SmsMo mo = new SmsMo(SmsMo.SCHEMA_VERSION, "mo-" + UUID.randomUUID(), from.value(), SHORT_CODE, text, Instant.now(),
                "outage-test-smsc", 1, null);
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.SMS_MO, from.value(), EventJson.mapper().writeValueAsBytes(mo))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ChargingEvent charge(Msisdn msisdn) {
        return charge(msisdn, Instant.now());
    }

    private static ChargingEvent charge(Msisdn msisdn, Instant at) {
        return ChargingEvent.builder().eventId(UUID.randomUUID()).eventTime(at).origin("outage-test", 1)
                .tariffPlan("VODAFONE_UK").kind(ChargingKind.MESSAGE).channel(Channel.SMS).service(false)
                .charged(msisdn.value(), ChargedRole.ORIGINATOR).messageId("msg-" + UUID.randomUUID())
                .other("+447700900999", null).sms("SMSC-" + UUID.randomUUID(), 1).build();
    }

    private static void send(ChargingEvent event) {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.CHARGING, event.key(),
                    new JsonEventSerde<>(ChargingEvent.class).serialize(Topics.CHARGING, event))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(java.util.Map.of("bootstrap.servers", services.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
    }

    private static List<String> textsTo(Msisdn handset) {
        List<String> texts = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : mts.records()) {
            SmsMt mt = EventJson.mapper().readValue(r.value(), SmsMt.class);
            if (mt.to().equals(handset.value())) {
                texts.add(mt.text());
            }
        }
        return texts;
    }

    private static List<ChargingEvent> chargesOf(Set<String> msisdns) {
        return charging.records().stream().map(r -> EventJson.mapper().readValue(r.value(), ChargingEvent.class))
                .filter(e -> msisdns.contains(e.chargedMsisdn()))
                .collect(Collectors.toMap(ChargingEvent::eventId, e -> e, (a, b) -> a)).values().stream().toList();
    }

    private static long rated(JdbcTemplate jdbc, List<ChargingEvent> events) {
        String ids = events.stream().map(e -> "'" + e.eventId() + "'").collect(Collectors.joining(","));
        Long n = jdbc.queryForObject("select (select count(*) from billing.rated_record where event_id in (" + ids + "))"
                + " + (select count(*) from billing.rejected_event where event_id in (" + ids + "))", Long.class);
        return n == null ? 0 : n;
    }

    /** The first record of {@code topic} whose value contains {@code containing} (and that has {@code withHeader}). */
    private static ConsumerRecord<String, byte[]> find(String topic, String containing, String withHeader) {
        TopicReader reader = topic.equals(Topics.CHARGING) ? charging : dlts;
        return reader.records().stream().filter(r -> new String(r.value(), StandardCharsets.UTF_8).contains(containing)
                && (withHeader == null || r.headers().lastHeader(withHeader) != null)).findFirst().orElse(null);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        assertThat(record.headers().lastHeader(name)).as(name).isNotNull();
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> call(String method, String path, String credentials, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + app.getEnvironment().getProperty("local.server.port") + "/api/v1/admin/dead-letters" + path))
                .header("Accept", "application/json").header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (credentials != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long deadLetters(String topic) {
        return app.getBean(DeadLetterTopics.class).count(Topics.deadLetter(topic)).records();
    }
}
