package io.mobim.billing.it;

import static io.mobim.billing.it.KafkaTestSupport.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.billing.BillingProperties;
import io.mobim.billing.gateway.GatewayFactRetention;
import io.mobim.billing.rating.RatingService;
import io.mobim.billing.reconciliation.ReconciliationCsv;
import io.mobim.billing.reconciliation.ReconciliationReport;
import io.mobim.billing.reconciliation.ReconciliationService;
import io.mobim.billing.reconciliation.ThreeWayReconciliation;
import io.mobim.embedded.EmbeddedKafkaBroker;
import io.mobim.events.EventJson;
import io.mobim.events.Topics;
import io.mobim.events.charging.Channel;
import io.mobim.events.charging.ChargedRole;
import io.mobim.events.charging.ChargingEvent;
import io.mobim.events.charging.ChargingKind;
import io.mobim.events.sms.SmsDlr;
import io.mobim.events.sms.SmsMo;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway side of the three-way reconciliation on a real broker and database: billing records what the SMS
 * gateway published on sms.mo.v1 and sms.dlr.v1 in its own consumer group, and the report of a business day (17 May
 * 2032, used by this test only) lists the charged SMS the SMS-C never confirmed, the charged SMS whose receipt says
 * failed, and the delivered message SMS nobody charged; a replay of both topics counts nothing twice; an unreadable
 * receipt goes to sms.dlr.v1.dlt with the reason. The message log URL points at a closed port, so the report says it
 * fell back to the derived log.
 */
@SpringBootTest(classes = BillingTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
                "mobim.role.billing.enabled=true",
                "mobim.billing.consumer.enabled=true",
                "mobim.billing.consumer.group-id=billing-gateway-test-rating",
                "mobim.billing.reconciliation.gateway.group-id=billing-gateway-test",
                "mobim.billing.reconciliation.message-log.url=http://127.0.0.1:1/api/v1/messages/log",
                "mobim.billing.reconciliation.message-log.username=billing",
                "mobim.billing.reconciliation.message-log.password=secret",
                "mobim.billing.reconciliation.message-log.timeout=2s",
                "spring.jpa.hibernate.ddl-auto=validate",
                "spring.flyway.enabled=false"
        })
@ContextConfiguration(initializers = TestDatabase.class)
class GatewayReconciliationKafkaTest {

    private static final LocalDate DAY = LocalDate.parse("2032-05-17");
    private static final Instant AT = Instant.parse("2032-05-17T10:00:00Z");
    private static EmbeddedKafkaBroker kafka;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) throws Exception {
        if (kafka == null) {
            kafka = EmbeddedKafkaBroker.start(java.nio.file.Files.createTempDirectory("billing-gateway-kafka"),
                    io.mobim.embedded.FreePorts.pick(), 1, true);
            // one partition each: a record sent after the replay is read after it
            kafka.createTopics(Map.of(Topics.SMS_MO, 1, Topics.SMS_DLR, 1, Topics.CHARGING, 1,
                    Topics.deadLetter(Topics.SMS_MO), 1, Topics.deadLetter(Topics.SMS_DLR), 1, Topics.deadLetter(Topics.CHARGING), 1));
        }
        registry.add("spring.kafka.bootstrap-servers", () -> kafka.bootstrapServers());
    }

    @AfterAll
    static void stopKafka() throws Exception {
        kafka.close();
    }

    @Autowired JdbcTemplate jdbc;
    @Autowired RatingService rating;
    @Autowired ReconciliationService reconciliation;
    @Autowired GatewayFactRetention retention;
    @Autowired BillingProperties billing;

    private final String run = Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999));
    private final String alice = "+447722" + run.substring(1);
    private final AtomicLong sequence = new AtomicLong(1);

    @Test
    void the_report_compares_the_rated_sms_with_what_the_gateway_published() throws Exception {
        List<ProducerRecord<String, byte[]>> gateway = new ArrayList<>();
        gateway.add(mo("R1", AT));                                               // the MO of a charged message
        gateway.add(mo("R6", AT.plusSeconds(5)));                                // an MO that was a command (HELP)
        gateway.addAll(mt("R3", "im.message", AT.plusSeconds(10), SmsDlr.Status.FAILED));
        gateway.addAll(mt("R4", "im.message", AT.plusSeconds(20), SmsDlr.Status.DELIVERED));
        gateway.addAll(mt("R5", "im.message", AT.plusSeconds(30), SmsDlr.Status.DELIVERED));
        gateway.addAll(mt("R7", "im.reply", AT.plusSeconds(40), SmsDlr.Status.DELIVERED));   // a service reply: not charged
        gateway.add(dlr("R8", "im.message", Instant.parse("2032-05-17T23:59:59Z"), SmsDlr.Status.ACCEPTED));
        gateway.add(dlr("R8", "im.message", Instant.parse("2032-05-18T00:00:01Z"), SmsDlr.Status.DELIVERED));

        ChargingEvent m1 = sms(ChargedRole.ORIGINATOR, "R1", AT.plusSeconds(1));
        ChargingEvent m2 = sms(ChargedRole.ORIGINATOR, "R2", AT.plusSeconds(2));   // the SMS-C never confirmed it
        ChargingEvent m3 = sms(ChargedRole.RECIPIENT, "R3", AT.plusSeconds(12));   // charged, but the receipt says failed
        ChargingEvent m5 = sms(ChargedRole.RECIPIENT, "R5", AT.plusSeconds(32));
        ChargingEvent m8 = sms(ChargedRole.RECIPIENT, "R8", Instant.parse("2032-05-18T00:00:02Z")); // charged the next day
        rating.rate(List.of(m1, m2, m3, m5, m8));

        publish(gateway);
        publish(List.of(new ProducerRecord<>(Topics.SMS_DLR, alice, "{\"requestId\":\"no-status\"}".getBytes(StandardCharsets.UTF_8))));
        publish(List.of(mo("SENTINEL-1", AT.plusSeconds(50)), dlr("SENTINEL-1", "im.reply", AT.plusSeconds(50), SmsDlr.Status.ACCEPTED)));
        await(() -> facts() == 9);

        ReconciliationReport report = reconciliation.report(DAY, null, null);
        ThreeWayReconciliation.Result w = report.threeWay();
        assertThat(w.smsUnconfirmed()).containsExactly(leg(m2));
        assertThat(w.smsFailed()).containsExactly(leg(m3));
        assertThat(w.gatewayNotRated()).as("delivered message SMS nobody charged").containsExactly("MT:" + ref("R4"));
        assertThat(w.moNotCharged()).as("an MO that was no message: not a mismatch").containsExactly("MO:" + ref("R6"), "MO:" + ref("SENTINEL-1"));
        assertThat(List.of(w.moReceived(), w.mtSubmitted(), w.mtDelivered(), w.mtFailed()))
                .as("MOs received, MTs submitted, delivered, failed").containsExactly(3, 6, 4, 1);
        assertThat(w.matched()).isEqualTo(2);   // m1 and m5
        assertThat(report.sources()).containsEntry("gateway", ReconciliationService.SMS_TOPICS)
                .containsEntry("log", ReconciliationService.DERIVED);
        assertThat(report.sources().get("log.detail")).startsWith("FALLBACK").contains("http://127.0.0.1:1/api/v1/messages/log/2032-05-17");

        assertThat(reconciliation.report(DAY.plusDays(1), null, null).threeWay().smsUnconfirmed())
                .as("accepted before midnight, charged after it: confirmed").doesNotContain(leg(m8));

        // the gateway's topics replayed from the start (a reset consumer group, a restored backup): nothing counts twice
        publish(gateway);
        publish(List.of(mo("SENTINEL-2", AT.plusSeconds(60)), dlr("SENTINEL-2", "im.reply", AT.plusSeconds(60), SmsDlr.Status.ACCEPTED)));
        await(() -> facts() == 11);
        ThreeWayReconciliation.Result again = reconciliation.report(DAY, null, null).threeWay();
        assertThat(List.of(again.moReceived(), again.mtSubmitted(), again.mtDelivered(), again.mtFailed())).containsExactly(4, 7, 4, 1);
        assertThat(again.smsFailed()).containsExactly(leg(m3));
        assertThat(again.gatewayNotRated()).containsExactly("MT:" + ref("R4"));

        String csv = ReconciliationCsv.write(reconciliation.report(DAY, null, null));
        assertThat(csv).contains("MISMATCH,2032-05-17,SMS_FAILED," + leg(m3) + "\r\n")
                .contains("MISMATCH,2032-05-17,SMS_UNCONFIRMED," + leg(m2) + "\r\n")
                .contains("MISMATCH,2032-05-17,GATEWAY_NOT_RATED,MT:" + ref("R4") + "\r\n")
                .contains("SOURCE,2032-05-17,gateway,sms-topics\r\n");
        List<String> lines = csv.lines().toList();
        assertThat(lines.getLast()).as("the control-totals trailer closes the file").startsWith("TRAILER,2032-05-17,GBP,4,");

        List<ConsumerRecord<String, byte[]>> dead = KafkaTestSupport.read(kafka.bootstrapServers(), Topics.deadLetter(Topics.SMS_DLR));
        assertThat(dead).singleElement().satisfies(r -> {
            assertThat(new String(r.value(), StandardCharsets.UTF_8)).isEqualTo("{\"requestId\":\"no-status\"}");
            assertThat(new String(r.headers().lastHeader("mobim_dlt_reason").value(), StandardCharsets.UTF_8)).contains("not a valid SmsDlr");
        });
    }

    @Test
    void a_record_the_table_would_refuse_is_dead_lettered_and_the_topic_goes_on() throws Exception {
        // an over-long MO id breaks the contract (unreadable), a "refused-" id breaks a constraint added for this test:
        // each goes to sms.mo.v1.dlt with its reason, and neither holds up the MOs behind it
        jdbc.execute("alter table billing.gateway_fact add constraint test_refused check (fact_id not like 'mo-refused-%')");
        try {
            String tooLong = "{\"schemaVersion\":1,\"id\":\"" + "x".repeat(129) + "\",\"from\":\"" + alice
                    + "\",\"to\":\"20123\",\"text\":\"1 hi\",\"receivedAt\":\"2032-05-17T11:00:00Z\",\"smscId\":\"smsc-a\",\"segments\":1}";
            publish(List.of(mo("before", AT.plusSeconds(100)),
                    new ProducerRecord<>(Topics.SMS_MO, alice, tooLong.getBytes(StandardCharsets.UTF_8)),
                    mo("between", AT.plusSeconds(101)),
                    mo("refused-" + run, AT.plusSeconds(102)),
                    mo("after", AT.plusSeconds(103))));
            await(() -> facts() == 3);

            assertThat(jdbc.queryForList("select fact_id from billing.gateway_fact where fact_id like ? order by first_at",
                    String.class, "%-" + run)).containsExactly("mo-" + ref("before"), "mo-" + ref("between"), "mo-" + ref("after"));
            List<String> reasons = KafkaTestSupport.read(kafka.bootstrapServers(), Topics.deadLetter(Topics.SMS_MO)).stream()
                    .filter(r -> r.key().equals(alice))
                    .map(r -> new String(r.headers().lastHeader("mobim_dlt_reason").value(), StandardCharsets.UTF_8)).toList();
            assertThat(reasons).hasSize(2);
            assertThat(reasons.get(0)).contains("id is longer than 128");
            assertThat(reasons.get(1)).contains("cannot be stored").contains("test_refused");
        } finally {
            jdbc.execute("alter table billing.gateway_fact drop constraint test_refused");
        }
    }

    @Test
    void facts_past_the_retention_are_deleted_and_a_report_of_their_day_says_its_gateway_view_is_derived() throws Exception {
        // the default retention, 400 days: a day 402 days ago is past it, one 2 days ago is kept
        Instant old = Instant.now().minus(Duration.ofDays(402));
        Instant recent = Instant.now().minus(Duration.ofDays(2));
        List<ProducerRecord<String, byte[]>> gateway = new ArrayList<>();
        gateway.add(mo("old-mo", old));
        gateway.addAll(mt("old-mt", "im.message", old, SmsDlr.Status.DELIVERED));
        gateway.add(mo("recent-mo", recent));
        gateway.addAll(mt("recent-mt", "im.message", recent, SmsDlr.Status.DELIVERED));
        publish(gateway);
        await(() -> facts() == 4);

        assertThat(retention.purge()).as("facts deleted by this run (other tests' days are in 2032)").isGreaterThanOrEqualTo(2);

        assertThat(jdbc.queryForList("select fact_id from billing.gateway_fact where fact_id like ? order by fact_id",
                String.class, "%-" + run)).as("the recent day's MO and MT are kept")
                .containsExactly("dlv-" + ref("recent-mt"), "mo-" + ref("recent-mo"));
        LocalDate oldDay = old.atZone(billing.businessZone()).toLocalDate();
        LocalDate recentDay = recent.atZone(billing.businessZone()).toLocalDate();
        ReconciliationReport pastRetention = reconciliation.report(oldDay, List.of(), null);
        assertThat(pastRetention.sources()).containsEntry("gateway", ReconciliationService.DERIVED);
        assertThat(pastRetention.sources().get("gateway.detail")).startsWith("FALLBACK")
                .contains("400 days").contains("mobim.billing.reconciliation.gateway.retention");
        assertThat(reconciliation.report(recentDay, List.of(), null).sources())
                .containsEntry("gateway", ReconciliationService.SMS_TOPICS);
    }

    private String ref(String name) {
        return name + "-" + run;
    }

    private static String leg(ChargingEvent e) {
        return ThreeWayReconciliation.leg(e.messageId(), e.direction());
    }

    private ChargingEvent sms(ChargedRole role, String reference, Instant at) {
        return ChargingEvent.builder().eventId(UUID.randomUUID()).eventTime(at).origin("im-gw-" + run, sequence.getAndIncrement())
                .kind(ChargingKind.MESSAGE).channel(Channel.SMS).charged(alice, role).tariffPlan("VODAFONE_UK")
                .messageId("msg-" + UUID.randomUUID()).other("+447700900999", null).sms(ref(reference), 1).build();
    }

    private ProducerRecord<String, byte[]> mo(String reference, Instant at) {
        SmsMo mo = SmsMo.of("mo-" + ref(reference), alice, "20123", "1 hello", at, "smsc-a", 1, ref(reference));
        return new ProducerRecord<>(Topics.SMS_MO, alice, EventJson.mapper().writeValueAsBytes(mo));
    }

    private List<ProducerRecord<String, byte[]>> mt(String reference, String service, Instant at, SmsDlr.Status outcome) {
        return List.of(dlr(reference, service, at, SmsDlr.Status.ACCEPTED), dlr(reference, service, at.plusSeconds(1), outcome));
    }

    private ProducerRecord<String, byte[]> dlr(String reference, String service, Instant at, SmsDlr.Status status) {
        SmsDlr dlr = SmsDlr.of("dlv-" + ref(reference), alice, status, List.of(ref(reference)),
                status == SmsDlr.Status.FAILED ? "001" : null, at, service);
        return new ProducerRecord<>(Topics.SMS_DLR, alice, EventJson.mapper().writeValueAsBytes(dlr));
    }

    private static void publish(List<ProducerRecord<String, byte[]>> records) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            records.forEach(producer::send);
            producer.flush();
        }
    }

    private long facts() {
        Long n = jdbc.queryForObject("select count(*) from billing.gateway_fact where fact_id like ?", Long.class, "%-" + run);
        return n == null ? 0 : n;
    }
}
