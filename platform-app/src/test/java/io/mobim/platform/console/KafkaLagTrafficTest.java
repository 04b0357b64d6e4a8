package io.mobim.platform.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.mobim.billing.reconciliation.ReconciliationProperties;
import io.mobim.events.JsonEventSerde;
import io.mobim.events.Topics;
import io.mobim.events.sms.SmsDlr;
import io.mobim.platform.MobimIntegrationTest;
import io.mobim.platform.support.TestNumbers;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The traffic page shows the platform's consumers' Kafka lag per group and topic, from the consumers' own client
 * metrics: billing's gateway consumer, held up by a database that does not let it write (its table locked), falls
 * behind by the records it has fetched but not yet been handed, and the page says so; once the database lets it
 * write, it catches up and the page shows no lag.
 */
@MobimIntegrationTest
class KafkaLagTrafficTest {

    /** More than billing's {@code max-poll-records}: the poll that blocks leaves the rest fetched but unread. */
    private static final int RECORDS = 2_500;

    @Autowired
    WebApplicationContext context;

    @Autowired
    DataSource dataSource;

    @Autowired
    ReconciliationProperties reconciliation;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    private MockMvc mvc;

    @BeforeEach
    void mvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void aConsumerGroupThatFallsBehindShowsItsLagUntilItCatchesUp() throws Exception {
        String group = reconciliation.gateway().groupId();
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            try (Statement s = lock.createStatement()) {
                s.execute("lock table billing.gateway_fact in exclusive mode");
            }
            try {
                publishReceipts();
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                        assertThat(lag(group, Topics.SMS_DLR)).hasValueSatisfying(n -> assertThat(n).isBetween(1L, (long) RECORDS)));
                assertThat(live()).containsPattern("id=\"kafka-lag-total\">[1-9][\\d,]* records");
            } finally {
                lock.rollback();
            }
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(lag(group, Topics.SMS_DLR)).contains(0L));
    }

    /**
     * Receipts of one made-up MT, in one transaction so that billing's read-committed consumer sees them all at
     * once; dated long ago, so that no reconciliation of a test's day meets the one fact they fold into.
     */
    private void publishReceipts() throws Exception {
        String to = TestNumbers.next().value();
        String requestId = "lag-test-" + UUID.randomUUID();
        SmsDlr dlr = SmsDlr.of(requestId, to, SmsDlr.Status.ACCEPTED, List.of(), null, Instant.parse("2001-01-01T12:00:00Z"), null);
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, requestId);
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(config, new StringSerializer(),
                new JsonEventSerde<>(Object.class))) {
            producer.initTransactions();
            producer.beginTransaction();
            for (int i = 0; i < RECORDS; i++) {
                producer.send(new ProducerRecord<>(Topics.SMS_DLR, to, dlr));
            }
            producer.commitTransaction();
        }
    }

    private String live() throws Exception {
        return mvc.perform(get("/console/traffic/live").with(httpBasic("admin", "admin-secret")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** The lag the traffic page's figures show for {@code group} on {@code topic}, if it shows a row for them. */
    private Optional<Long> lag(String group, String topic) throws Exception {
        Matcher row = Pattern.compile("data-group=\"" + Pattern.quote(group) + "\" data-topic=\"" + Pattern.quote(topic)
                + "\">.*?<td class=\"num[^\"]*\">([\\d,]+)</td>", Pattern.DOTALL).matcher(live());
        return row.find() ? Optional.of(Long.parseLong(row.group(1).replace(",", ""))) : Optional.empty();
    }
}
