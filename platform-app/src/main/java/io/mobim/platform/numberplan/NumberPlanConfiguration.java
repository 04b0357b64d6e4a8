package io.mobim.platform.numberplan;

import io.mobim.platform.subscribers.SubscriberSettings;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("mobim.role.im.enabled")
class NumberPlanConfiguration {

    @Bean
    NumberPlan numberPlan(JdbcClient jdbc, SubscriberSettings subscribers, Clock clock) {
        return new NumberPlan(jdbc, subscribers.homeOperator(), clock);
    }
}
