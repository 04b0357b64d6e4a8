package io.mobim.clearing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mobim.clearing.agreement.AgreementService;
import io.mobim.clearing.agreement.ExchangeRates;
import io.mobim.clearing.ingest.EventWindow;
import io.mobim.clearing.ingest.IngestService;
import io.mobim.clearing.ingest.RecordStore;
import io.mobim.clearing.job.JobService;
import io.mobim.clearing.matching.DisputeService;
import io.mobim.clearing.matching.MatchingSchedule;
import io.mobim.clearing.matching.MatchingService;
import io.mobim.clearing.settlement.SettlementService;
import io.mobim.clearing.settlement.StatementStore;
import io.mobim.clearing.web.ClearingApi;
import io.mobim.clearing.web.ClearingProblems;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The clearing role: active when {@code mobim.role.clearing.enabled=true}. Wires ingest (Kafka and uploads),
 * agreements, matching, disputes, settlement, jobs and the API {@code /api/v1/clearing}. Plain JDBC, no JPA entities.
 * Expects the {@code clearing} schema migrated ({@code classpath:db/migration/clearing}).
 */
@AutoConfiguration(after = JdbcTemplateAutoConfiguration.class)
@ConditionalOnBooleanProperty("mobim.role.clearing.enabled")
@EnableConfigurationProperties(ClearingProperties.class)
@Import({ClearingKafkaConfiguration.class, ClearingApi.class, ClearingProblems.class})
public class ClearingAutoConfiguration {

    private static Clock clock(ObjectProvider<Clock> clock) {
        return clock.getIfAvailable(Clock::systemUTC);
    }

    @Bean
    ClearingMetrics clearingMetrics(ObjectProvider<MeterRegistry> registry) {
        return new ClearingMetrics(registry.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    IngestService clearingIngestService(JdbcTemplate jdbc, PlatformTransactionManager tm, ClearingProperties properties,
            ClearingMetrics metrics, ObjectProvider<Clock> clock) {
        ClearingProperties.Ingest ingest = properties.ingest();
        return new IngestService(new RecordStore(jdbc), new TransactionTemplate(tm),
                new EventWindow(ingest.maxEventAge(), ingest.maxEventAhead(), clock(clock)), metrics, clock(clock),
                ingest.maxRejectionsReported());
    }

    @Bean
    AgreementService clearingAgreementService(JdbcTemplate jdbc, PlatformTransactionManager tm, ObjectProvider<Clock> clock) {
        return new AgreementService(jdbc, new TransactionTemplate(tm), clock(clock));
    }

    @Bean
    MatchingService clearingMatchingService(JdbcTemplate jdbc, PlatformTransactionManager tm, ClearingProperties properties,
            ClearingMetrics metrics, ObjectProvider<Clock> clock) {
        return new MatchingService(jdbc, new TransactionTemplate(tm), clock(clock), properties.matching().otherSideWait(),
                properties.matching().workMem(), properties.matching().workers(), metrics);
    }

    @Bean
    MatchingSchedule clearingMatchingSchedule(MatchingService matching, ClearingProperties properties) {
        return new MatchingSchedule(matching, properties.matching().interval());
    }

    @Bean
    DisputeService clearingDisputeService(JdbcTemplate jdbc, PlatformTransactionManager tm, ObjectProvider<Clock> clock) {
        return new DisputeService(jdbc, new TransactionTemplate(tm), clock(clock));
    }

    @Bean
    ExchangeRates clearingExchangeRates(JdbcTemplate jdbc, PlatformTransactionManager tm, ObjectProvider<Clock> clock) {
        return new ExchangeRates(jdbc, new TransactionTemplate(tm), clock(clock));
    }

    @Bean
    SettlementService clearingSettlementService(JdbcTemplate jdbc, PlatformTransactionManager tm, AgreementService agreements,
            ExchangeRates rates, ClearingMetrics metrics, ObjectProvider<Clock> clock) {
        return new SettlementService(jdbc, new TransactionTemplate(tm), agreements, rates, new StatementStore(jdbc), metrics,
                clock(clock));
    }

    @Bean
    StatementStore clearingStatementStore(JdbcTemplate jdbc) {
        return new StatementStore(jdbc);
    }

    @Bean
    JobService clearingJobService(JdbcTemplate jdbc, PlatformTransactionManager tm, ClearingProperties properties,
            ObjectProvider<Clock> clock) {
        JobService jobs = new JobService(jdbc, tm, clock(clock), instanceName(), properties.jobs().heartbeatInterval(),
                properties.jobs().orphanAfter());
        jobs.open();
        return jobs;
    }

    /** This instance among the clearing replicas: its host name (the pod's, in Kubernetes) and a suffix of its own. */
    private static String instanceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "clearing";
        }
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        return (host.length() > 80 ? host.substring(0, 80) : host) + "/" + suffix;
    }
}
