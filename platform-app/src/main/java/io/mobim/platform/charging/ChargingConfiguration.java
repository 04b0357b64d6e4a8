package io.mobim.platform.charging;

import io.mobim.platform.outbox.Outbox;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ChargingConfiguration {

    @Bean
    ChargingRecorder chargingRecorder(Outbox outbox, Clock clock) {
        return new ChargingRecorder(outbox, clock);
    }
}
