package io.mobim.billing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mobim.billing.gateway.GatewayFactRetention;
import io.mobim.billing.gateway.GatewayFactStore;
import io.mobim.billing.gateway.GatewayListener;
import io.mobim.billing.reconciliation.ReconciliationProperties;
import io.mobim.events.consumer.ConsumerOutages;
import io.mobim.events.sms.SmsDlr;
import io.mobim.events.sms.SmsMo;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Billing's consumer of the SMS gateway's output, for reconciliation: {@code sms.mo.v1} and {@code sms.dlr.v1} in
 * group {@code mobim.billing.reconciliation.gateway.group-id}, the same batch and dead-letter handling as
 * {@code charging.v1}. Imported by {@link BillingKafkaConfiguration}, so it is off whenever billing's consumer is.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "mobim.billing.reconciliation.gateway.enabled", matchIfMissing = true)
class GatewayKafkaConfiguration {

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, SmsMo> billingSmsMoListenerFactory(KafkaProperties kafka,
            BillingProperties billing, ReconciliationProperties reconciliation, ObjectProvider<MeterRegistry> meters,
            ConsumerOutages outages) {
        return factory(kafka, SmsMo.class, billing, reconciliation, meters, outages);
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, SmsDlr> billingSmsDlrListenerFactory(KafkaProperties kafka,
            BillingProperties billing, ReconciliationProperties reconciliation, ObjectProvider<MeterRegistry> meters,
            ConsumerOutages outages) {
        return factory(kafka, SmsDlr.class, billing, reconciliation, meters, outages);
    }

    private static <T> ConcurrentKafkaListenerContainerFactory<String, T> factory(KafkaProperties kafka, Class<T> type,
            BillingProperties billing, ReconciliationProperties reconciliation, ObjectProvider<MeterRegistry> meters,
            ConsumerOutages outages) {
        MeterRegistry registry = meters.getIfAvailable(SimpleMeterRegistry::new);
        BillingProperties.Consumer settings = billing.consumer();
        return BillingKafkaConfiguration.batchFactory(kafka, type, reconciliation.gateway().groupId(),
                settings.maxPollRecords(), 1, settings, outages,
                () -> registry.counter("billing.gateway.dead_lettered", "type", type.getSimpleName()).increment());
    }

    @Bean
    GatewayFactRetention billingGatewayFactRetention(GatewayFactStore store, BillingProperties billing,
            ReconciliationProperties reconciliation, ObjectProvider<Clock> clock, ObjectProvider<MeterRegistry> meters) {
        return new GatewayFactRetention(store, BillingAutoConfiguration.clock(clock), billing.businessZone(),
                reconciliation.gateway()::firstKeptDay, meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    GatewayListener billingGatewayListener(GatewayFactStore store, PlatformTransactionManager tm, BillingProperties billing,
            ObjectProvider<MeterRegistry> meters) {
        return new GatewayListener(store, new TransactionTemplate(tm), billing.businessZone(),
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }
}
