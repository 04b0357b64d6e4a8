package io.mobim.smpp;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.mobim.events.consumer.ConsumerClientMetrics;
import io.mobim.events.sms.SmsMt;
import io.mobim.smpp.codec.PartStore;
import io.mobim.smpp.codec.Reassembler;
import io.mobim.smpp.config.SmppProperties;
import io.mobim.smpp.health.SmppHealthIndicator;
import io.mobim.smpp.kafka.KafkaSmsPublisher;
import io.mobim.smpp.kafka.SmppKafkaClients;
import io.mobim.smpp.kafka.SmppKafkaConfiguration;
import io.mobim.smpp.mo.JdbcMoPartStore;
import io.mobim.smpp.kafka.KafkaMoLag;
import io.mobim.smpp.mo.MoLag;
import io.mobim.smpp.mo.MoSink;
import io.mobim.smpp.mt.DlrSink;
import io.mobim.smpp.mt.InMemoryMtLedger;
import io.mobim.smpp.mt.JdbcMtLedger;
import io.mobim.smpp.mt.MtLedgerRetention;
import io.mobim.smpp.mt.MtLedger;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/**
 * The SMPP gateway for role smpp ({@code mobim.role.smpp.enabled}): the SMS-C links from
 * {@code mobim.smpp.smsc[N]} (or, when none is configured, the {@link LocalSmsc} another module runs in this process:
 * the all-in-one's simulator), the MT sender, MO and receipt
 * handling, the Kafka edges ({@code sms.mt.v1} in; {@code sms.mo.v1}, {@code sms.dlr.v1} out), the MT
 * ledger (PostgreSQL schema {@code smpp} when a {@link JdbcTemplate} exists, memory otherwise), metrics and
 * the {@code smpp} health indicator. The links bind and pending MTs resume in {@link SmartLifecycle#start()},
 * after every bean (and so the schema migrations) is ready.
 */
@AutoConfiguration(after = {KafkaAutoConfiguration.class, JdbcTemplateAutoConfiguration.class})
@ConditionalOnBooleanProperty("mobim.role.smpp.enabled")
@EnableConfigurationProperties(SmppProperties.class)
public class SmppGatewayAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SmppGatewayAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    public MtLedger smppMtLedger(ObjectProvider<JdbcTemplate> jdbc) {
        JdbcTemplate template = jdbc.getIfAvailable();
        if (template == null) {
            log.warn("no database: the SMPP gateway keeps its MT ledger in memory (duplicates are not caught across restarts)");
            return new InMemoryMtLedger();
        }
        return new JdbcMtLedger(template);
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    @ConditionalOnMissingBean
    public MtLedgerRetention smppMtLedgerRetention(MtLedger ledger, SmppProperties properties,
                                                   ObjectProvider<MeterRegistry> registry) {
        return new MtLedgerRetention(ledger, properties.mt().ledgerRetention(),
                registry.getIfAvailable(() -> Metrics.globalRegistry), Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean
    public PartStore smppMoPartStore(ObjectProvider<JdbcTemplate> jdbc, SmppProperties properties) {
        JdbcTemplate template = jdbc.getIfAvailable();
        Duration timeout = properties.mo().reassemblyTimeout();
        return template == null ? new Reassembler(timeout) : new JdbcMoPartStore(template, timeout);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public SmppGateway smppGateway(SmppProperties properties, MtLedger ledger, PartStore moParts,
                                   ObjectProvider<LocalSmsc> localSmsc,
                                   ObjectProvider<MoSink> moSink, ObjectProvider<DlrSink> dlrSink,
                                   ObjectProvider<MoLag> moLag, ObjectProvider<MeterRegistry> registry) {
        List<SmppProperties.Smsc> links = properties.smsc();
        if (links.isEmpty()) {
            LocalSmsc local = localSmsc.getIfAvailable();
            if (local == null) {
                throw new IllegalStateException("role smpp needs mobim.smpp.smsc[0].host/port/system-id/password "
                        + "(the SMS-C simulator runs only in the all-in-one runtime)");
            }
            links = List.of(SmppProperties.Smsc.of(local.id(), local.host(), local.port(), local.systemId(), local.password())
                    .withLimits(local.throughput(), local.window())
                    .withReconnect(local.reconnectInitial(), local.reconnectMax()));
        }
        MoSink mo = moSink.getIfAvailable(() -> m -> {
            throw new IllegalStateException("no MoSink: Kafka is not configured for the SMPP gateway");
        });
        DlrSink dlr = dlrSink.getIfAvailable(() -> d -> {
            throw new IllegalStateException("no DlrSink: Kafka is not configured for the SMPP gateway");
        });
        return new SmppGateway(links, properties.mt(), properties.mo(), ledger, moParts, mo, dlr,
                moLag.getIfAvailable(() -> MoLag.NONE), registry.getIfAvailable(() -> Metrics.globalRegistry), Clock.systemUTC());
    }

    @Bean
    public SmartLifecycle smppGatewayLifecycle(SmppGateway gateway) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                gateway.start();
                running = true;
                // wait briefly for the first binds, so that the context is ready with its sessions up (and a test
                // that counts the simulator's sessions sees them); an SMS-C that is down does not block startup
                if (!gateway.awaitBound(Duration.ofSeconds(5))) {
                    log.warn("SMPP gateway started with links not yet bound; it keeps rebinding in the background");
                }
            }

            @Override
            public void stop() {
                running = false; // the links close with the bean; the Kafka listener stops first (higher phase)
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public int getPhase() {
                return Integer.MAX_VALUE - 200; // before the Kafka listener containers start, after everything else
            }
        };
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    static class Health {

        @Bean
        @ConditionalOnMissingBean(name = "smppHealthIndicator")
        SmppHealthIndicator smppHealthIndicator(SmppGateway gateway) {
            return new SmppHealthIndicator(gateway.links(), gateway.mtSender());
        }
    }

    /** Kafka edges; {@code mobim.smpp.kafka.enabled=false} leaves them to the application (tests bring their own sinks). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(KafkaTemplate.class)
    @ConditionalOnBooleanProperty(name = "mobim.smpp.kafka.enabled", matchIfMissing = true)
    static class Kafka {

        @Bean
        SmppKafkaClients smppKafkaClients(KafkaProperties kafka, SmppProperties properties) {
            return new SmppKafkaClients(kafka, properties);
        }

        @Bean
        @ConditionalOnMissingBean({MoSink.class, DlrSink.class})
        KafkaSmsPublisher smppKafkaPublisher(SmppKafkaClients clients) {
            return new KafkaSmsPublisher(clients.events());
        }

        /** The IM core's lag on {@code sms.mo.v1}, for MO admission, unless the IM core counts it in this process. */
        @Bean(destroyMethod = "close")
        @ConditionalOnBooleanProperty("mobim.smpp.mo.admission.enabled")
        @ConditionalOnMissingBean(MoLag.class)
        KafkaMoLag smppMoLag(KafkaProperties kafka, SmppProperties properties) {
            return new KafkaMoLag(kafka.buildAdminProperties(), properties.mo().admission());
        }

        @Bean
        ConcurrentMessageListenerContainer<String, SmsMt> smppMtListener(KafkaProperties kafka, SmppProperties properties,
                SmppGateway gateway, SmppKafkaClients clients, ObjectProvider<ConsumerClientMetrics> clientMetrics) {
            return SmppKafkaConfiguration.mtListener(kafka, properties.mt(), gateway, clients.events(), clients.deadLetters(),
                    clientMetrics.getIfAvailable());
        }
    }
}
