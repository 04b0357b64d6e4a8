package io.mobim.smpp.simulator;

import io.mobim.smpp.LocalSmsc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Starts the SMS-C simulator when role smpp is on and {@code mobim.smpp.simulator.enabled} is true (only the
 * all-in-one runtime sets it), offers it to the gateway as the {@link LocalSmsc} of this process, and serves the
 * handset API ({@code /api/v1/simulator/mo}, {@code /api/v1/simulator/mt}), which the application's security
 * puts behind the operator admin like every other API.
 */
@AutoConfiguration(beforeName = "io.mobim.smpp.SmppGatewayAutoConfiguration")
@ConditionalOnBooleanProperty("mobim.role.smpp.enabled")
@ConditionalOnBooleanProperty("mobim.smpp.simulator.enabled")
@EnableConfigurationProperties(SimulatorProperties.class)
public class SmscSimulatorAutoConfiguration {

    /** The system id and password the gateway binds with when the simulator accepts any. */
    static final String DEFAULT_CREDENTIAL = "mobim";

    private static final Logger log = LoggerFactory.getLogger(SmscSimulatorAutoConfiguration.class);

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public SmscSimulator smscSimulator(SimulatorProperties sim) {
        SmscSimulator simulator = SmscSimulator.start(SmscSimulator.Options.defaults().withHost(sim.host()).withPort(sim.port())
                .withCredentials(sim.systemId(), sim.password())
                .withReceiptDelay(sim.receiptDelay()));
        log.info("SMS-C simulator (a test tool) listening on {}:{} ({})", simulator.host(), simulator.port(),
                sim.systemId() == null ? "any system id" : "system id " + sim.systemId());
        return simulator;
    }

    @Bean
    public LocalSmsc smscSimulatorLink(SmscSimulator simulator, SimulatorProperties sim) {
        return new LocalSmsc("simulator", simulator.localAddress(), simulator.port(),
                sim.systemId() == null ? DEFAULT_CREDENTIAL : sim.systemId(),
                sim.password() == null ? DEFAULT_CREDENTIAL : sim.password(),
                sim.throughput(), sim.window(), sim.reconnectInitial(), sim.reconnectMax());
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    public SimulatorController smscSimulatorController(SmscSimulator simulator) {
        return new SimulatorController(simulator);
    }
}
