package io.mobim.platform.deadletters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mobim.events.JsonEventSerde;
import io.mobim.events.Topics;
import io.mobim.events.charging.ChargedRole;
import io.mobim.events.charging.Channel;
import io.mobim.events.charging.ChargingEvent;
import io.mobim.events.charging.ChargingKind;
import io.mobim.platform.MobimIntegrationTest;
import io.mobim.platform.support.MutableClock;
import io.mobim.platform.support.TestNumbers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A record dead-lettered because of a state that did not last is replayed by the operator and handled: a charging
 * event stamped two days ahead by a producer whose clock ran fast is outside billing's window, goes to
 * {@code charging.v1.dlt} with the reason, and once its time has come, the operator replays its offset onto
 * {@code charging.v1} through the admin API, and billing rates it, once however often it is replayed.
 */
@MobimIntegrationTest
class DeadLetterReplayEndToEndTest {

    private static final String DLT = Topics.deadLetter(Topics.CHARGING);

    @Value("${local.server.port}") int port;
    @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anEventFromAClockThatRanAheadIsDeadLetteredThenReplayedAndRatedOnce() throws Exception {
        ChargingEvent ahead = ChargingEvent.builder().eventId(UUID.randomUUID()).eventTime(clock.instant().plus(Duration.ofDays(2)))
                .origin("clock-ahead", 1).tariffPlan("VODAFONE_UK").kind(ChargingKind.MESSAGE).channel(Channel.SMS)
                .service(false).charged(TestNumbers.next().value(), ChargedRole.ORIGINATOR).messageId("msg-" + UUID.randomUUID())
                .other("+447700900999", null).sms("SMSC-" + UUID.randomUUID(), 1).build();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.CHARGING, ahead.key(),
                    new JsonEventSerde<>(ChargingEvent.class).serialize(Topics.CHARGING, ahead))).get();
        }

        ConsumerRecord<String, byte[]> dead = await().atMost(Duration.ofSeconds(60))
                .until(() -> find(DLT, ahead.eventId().toString()), r -> r != null);
        assertThat(header(dead, Topics.DEAD_LETTER_REASON_HEADER)).contains("max-event-ahead");
        assertThat(header(dead, Topics.DEAD_LETTER_KIND_HEADER)).isEqualTo("PERMANENT");
        assertThat(dead.key()).isEqualTo(ahead.key());
        assertThat(rated(ahead)).isZero();
        assertThat(call("GET", "", "admin:admin-secret").body()).as("the operator sees it counted")
                .contains("\"topic\":\"" + DLT + "\"");

        String range = "{\"partition\":" + dead.partition() + ",\"fromOffset\":" + dead.offset() + ",\"toOffset\":" + (dead.offset() + 1) + "}";
        assertThat(call("POST", "/" + DLT + "/replay", null, range).statusCode()).as("without credentials").isEqualTo(401);
        assertThat(call("POST", "/" + DLT + "/replay", "billing:billing-secret", range).statusCode()).as("not an operator admin")
                .isEqualTo(403);
        assertThat(call("POST", "/no.such.topic.dlt/replay", "admin:admin-secret", range).statusCode()).isEqualTo(404);

        clock.advance(Duration.ofDays(2).plusHours(1));   // its time has come
        HttpResponse<String> replay = call("POST", "/" + DLT + "/replay", "admin:admin-secret", range);
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).contains("\"replayed\":1").contains("\"originalTopic\":\"" + Topics.CHARGING + "\"");
        await().atMost(Duration.ofSeconds(60)).until(() -> rated(ahead) == 1);

        ConsumerRecord<String, byte[]> replayed = find(Topics.CHARGING, ahead.eventId().toString(), Topics.REPLAYED_FROM_HEADER);
        assertThat(header(replayed, Topics.REPLAYED_FROM_HEADER)).isEqualTo(DLT + "-" + dead.partition() + "@" + dead.offset());
        assertThat(replayed.key()).isEqualTo(ahead.key());

        assertThat(call("POST", "/" + DLT + "/replay", "admin:admin-secret", range).body()).contains("\"replayed\":1");
        List<ConsumerRecord<String, byte[]>> replays = findAll(Topics.CHARGING, ahead.eventId().toString(), Topics.REPLAYED_FROM_HEADER, 2);
        assertThat(replays).as("replayed twice").hasSize(2);
        Thread.sleep(2_000);   // time for billing to have taken the second replay, which it dedupes
        assertThat(rated(ahead)).as("rated once however often replayed").isEqualTo(1);
    }

    private long rated(ChargingEvent event) {
        return jdbc.sql("select count(*) from billing.rated_record where event_id = ?").param(event.eventId()).query(Long.class).single();
    }

    private HttpResponse<String> call(String method, String path, String credentials) throws Exception {
        return call(method, path, credentials, null);
    }

    private HttpResponse<String> call(String method, String path, String credentials, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + DeadLetterController.PATH + path))
                .header("Accept", "application/json").header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (credentials != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private ConsumerRecord<String, byte[]> find(String topic, String containing) {
        List<ConsumerRecord<String, byte[]>> found = findAll(topic, containing, null, 1);
        return found.isEmpty() ? null : found.getFirst();
    }

    private ConsumerRecord<String, byte[]> find(String topic, String containing, String withHeader) {
        return findAll(topic, containing, withHeader, 1).getFirst();
    }

    /** The records of {@code topic} whose value contains {@code containing} (and that have {@code withHeader}). */
    private List<ConsumerRecord<String, byte[]>> findAll(String topic, String containing, String withHeader, int atLeast) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers,
                "group.id", "replay-test-" + UUID.randomUUID(), "auto.offset.reset", "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (found.size() < atLeast && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(300))) {
                    if (new String(r.value(), StandardCharsets.UTF_8).contains(containing)
                            && (withHeader == null || r.headers().lastHeader(withHeader) != null)) {
                        found.add(r);
                    }
                }
            }
        }
        return found;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        assertThat(record.headers().lastHeader(name)).as(name).isNotNull();
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
