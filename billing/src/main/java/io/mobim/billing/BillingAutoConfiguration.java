package io.mobim.billing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mobim.billing.account.AccountDirectory;
import io.mobim.billing.account.AccountRepository;
import io.mobim.billing.account.AccountService;
import io.mobim.billing.plan.PlanDefinitions;
import io.mobim.billing.plan.PlanService;
import io.mobim.billing.plan.PlanStore;
import io.mobim.billing.rating.RatingEngine;
import io.mobim.billing.rating.RatingService;
import io.mobim.billing.rating.RejectedEventStore;
import io.mobim.billing.rating.RerateService;
import io.mobim.billing.rating.UsageCounterStore;
import io.mobim.billing.gateway.GatewayFactStore;
import io.mobim.billing.reconciliation.MessageLogClient;
import io.mobim.billing.reconciliation.NearbyRatedSms;
import io.mobim.billing.reconciliation.ReconciliationProperties;
import io.mobim.billing.reconciliation.ReconciliationService;
import io.mobim.billing.records.BillService;
import io.mobim.billing.records.RatedRecordPartitions;
import io.mobim.billing.records.RatedRecordStore;
import io.mobim.billing.web.BillingApi;
import io.mobim.billing.web.BillingProblems;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.data.repository.config.BootstrapMode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The billing role: active when {@code mobim.role.billing.enabled=true}. Registers {@code io.mobim.billing} for
 * entity and repository scanning, wires the rating path, the API and (if Kafka is present) the consumer.
 * Expects Flyway to have migrated the {@code billing} schema ({@code classpath:db/migration/billing}).
 */
@AutoConfiguration(before = {HibernateJpaAutoConfiguration.class, DataJpaRepositoriesAutoConfiguration.class})
@AutoConfigurationPackage
@ConditionalOnBooleanProperty("mobim.role.billing.enabled")
@EnableConfigurationProperties({BillingProperties.class, ReconciliationProperties.class})
@EnableJpaRepositories(basePackageClasses = AccountRepository.class, bootstrapMode = BootstrapMode.DEFERRED)
@Import({BillingKafkaConfiguration.class, BillingApi.class, BillingProblems.class})
public class BillingAutoConfiguration {

    /** The application's clock, else the system's UTC clock. */
    static Clock clock(ObjectProvider<Clock> clock) {
        return clock.getIfAvailable(Clock::systemUTC);
    }

    @Bean
    BillingMetrics billingMetrics(ObjectProvider<MeterRegistry> registry) {
        return new BillingMetrics(registry.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    RatingEngine billingRatingEngine(BillingProperties properties) {
        return new RatingEngine(properties.businessZone());
    }

    @Bean
    PlanService billingPlanService(JdbcTemplate jdbc, PlatformTransactionManager tm, BillingProperties properties) {
        return new PlanService(new PlanStore(jdbc), new TransactionTemplate(tm),
                properties.seedPlans() ? PlanDefinitions.seeds() : List.of(), properties.planRefresh());
    }

    @Bean
    RatedRecordStore billingRatedRecordStore(JdbcTemplate jdbc) {
        return new RatedRecordStore(jdbc);
    }

    @Bean
    RatedRecordPartitions billingRatedRecordPartitions(JdbcTemplate jdbc, PlatformTransactionManager tm, BillingProperties properties,
            ObjectProvider<Clock> clock) {
        return new RatedRecordPartitions(jdbc, tm, properties.businessZone(),
                properties.partitions().monthsAhead(), clock(clock));
    }

    @Bean
    RejectedEventStore billingRejectedEventStore(JdbcTemplate jdbc) {
        return new RejectedEventStore(jdbc);
    }

    @Bean
    AccountDirectory billingAccountDirectory(JdbcTemplate jdbc, BillingProperties properties) {
        return new AccountDirectory(jdbc, properties.accountCacheSize());
    }

    @Bean
    AccountService billingAccountService(AccountRepository accounts, PlanService plans, ObjectProvider<Clock> clock) {
        return new AccountService(accounts, plans, clock(clock));
    }

    @Bean
    RatingService billingRatingService(JdbcTemplate jdbc, PlatformTransactionManager tm, RatedRecordStore records,
            RatedRecordPartitions partitions, RejectedEventStore rejections, AccountDirectory accounts, PlanService plans, RatingEngine engine,
            BillingMetrics metrics, BillingProperties properties, ObjectProvider<Clock> clock) {
        return new RatingService(new TransactionTemplate(tm), records, partitions, rejections,
                new UsageCounterStore(jdbc, properties.usageCounterCacheSize()), accounts, plans, engine, metrics, clock(clock));
    }

    @Bean
    RerateService billingRerateService(JdbcTemplate jdbc, PlatformTransactionManager tm, RatedRecordStore records,
            AccountDirectory accounts, PlanService plans, RatingEngine engine, ObjectProvider<Clock> clock) {
        return new RerateService(new TransactionTemplate(tm), records, new UsageCounterStore(jdbc),
                accounts, plans, engine, clock(clock));
    }

    @Bean
    BillService billingBillService(RatedRecordStore records, RejectedEventStore rejections) {
        return new BillService(records, rejections);
    }

    @Bean
    GatewayFactStore billingGatewayFactStore(JdbcTemplate jdbc) {
        return new GatewayFactStore(jdbc);
    }

    @Bean
    ReconciliationService billingReconciliationService(RatedRecordStore records, RejectedEventStore rejections,
            BillingProperties properties, ReconciliationProperties reconciliation, GatewayFactStore gatewayFacts,
            JdbcTemplate jdbc, Environment environment, ObjectProvider<SslBundles> sslBundles,
            ObjectProvider<MessageLogClient.Credentials> inProcessCredentials, ObjectProvider<Clock> clock) {
        // the local port is asked for when a report is made: the server starts after this bean
        MessageLogClient messageLog = new MessageLogClient(reconciliation.messageLog(),
                () -> environment.getProperty("local.server.port", Integer.class, -1), sslBundles.getIfAvailable(),
                inProcessCredentials.getIfAvailable());
        boolean gatewayConsumed = environment.getProperty("mobim.billing.consumer.enabled", Boolean.class, true)
                && reconciliation.gateway().enabled();
        return new ReconciliationService(records, rejections, properties.businessZone(), gatewayFacts,
                new NearbyRatedSms(jdbc), messageLog, reconciliation, gatewayConsumed, clock(clock));
    }
}
