package io.mobim.smpp.simulator;

import io.mobim.smpp.config.SimulatorEnabledCondition;
import io.mobim.smpp.config.SmppProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * Starts the SMS-C simulator when role smpp is on and {@code mobim.smpp.simulator.enabled} is true (its
 * default when no {@code mobim.smpp.smsc[0]} is configured), and serves the handset API
 * ({@code /api/v1/simulator/mo}, {@code /api/v1/simulator/mt}).
 */
@AutoConfiguration
@ConditionalOnBooleanProperty("mobim.role.smpp.enabled")
@Conditional(SimulatorEnabledCondition.class)
@EnableConfigurationProperties(SmppProperties.class)
public class SmscSimulatorAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SmscSimulatorAutoConfiguration.class);

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public SmscSimulator smscSimulator(SmppProperties properties) {
        SmppProperties.Simulator sim = properties.simulator();
        SmscSimulator simulator = SmscSimulator.start(new SmscSimulator.Options(sim.host(), sim.port(), null, null, null, null, 10)
                .withCredentials(sim.systemId(), sim.password())
                .withReceiptDelay(sim.receiptDelay()));
        String host = simulator.host();
        log.info("SMS-C simulator listening on {}:{} ({})", host, simulator.port(),
                sim.systemId() == null ? "any system id" : "system id " + sim.systemId());
        return simulator;
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    public SimulatorController smscSimulatorController(SmscSimulator simulator) {
        return new SimulatorController(simulator);
    }
}
