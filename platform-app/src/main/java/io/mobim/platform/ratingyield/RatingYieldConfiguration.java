package io.mobim.platform.ratingyield;

import io.micrometer.core.instrument.MeterRegistry;
import io.mobim.billing.gateway.GatewayListener;
import io.mobim.billing.rating.ChargingListener;
import io.mobim.smpp.mo.HandledMoLag;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/** Where billing shares a process with the only SMS gateway and the IM core (the all-in-one runtime). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = {"mobim.smpp.mt.sole-gateway", "mobim.role.im.enabled", "mobim.role.billing.enabled"})
@EnableConfigurationProperties(RatingYieldSettings.class)
class RatingYieldConfiguration {

    @Bean
    BillingYieldLoop billingYieldLoop(HandledMoLag backlog, KafkaListenerEndpointRegistry registry,
                                      RatingYieldSettings settings, MeterRegistry meters) {
        return new BillingYieldLoop(backlog, registry,
                List.of(ChargingListener.ID, GatewayListener.MO_ID, GatewayListener.DLR_ID), settings, meters);
    }
}
