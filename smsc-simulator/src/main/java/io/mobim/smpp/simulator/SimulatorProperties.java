package io.mobim.smpp.simulator;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The SMS-C simulator, {@code mobim.smpp.simulator.*}, and the link the gateway binds to it with. It is a test tool:
 * off unless {@code enabled}, which the all-in-one runtime sets for itself when no {@code mobim.smpp.smsc[0]} is
 * configured, and which a deployment (no embedded services) refuses.
 *
 * @param enabled whether it runs (the all-in-one runtime turns it on when no SMS-C is configured; a deployment
 *                refuses it)
 * @param host address it listens on
 * @param port port it listens on (0 = random)
 * @param systemId system id it requires, or unset to accept any (the gateway then binds as {@code mobim})
 * @param password password it requires with {@code systemId}
 * @param receiptDelay delay before a delivery receipt
 * @param throughput submit_sm per second of the gateway's link to it (loopback is not a bottleneck)
 * @param window send window of the gateway's link to it
 * @param reconnectInitial first rebind delay of the gateway's link to it
 * @param reconnectMax longest rebind delay of the gateway's link to it
 */
@Validated
@ConfigurationProperties("mobim.smpp.simulator")
public record SimulatorProperties(boolean enabled, @DefaultValue(SimulatorProperties.LOOPBACK) String host,
                                  @DefaultValue("2775") @Min(0) @Max(65535) int port, String systemId, String password,
                                  @DefaultValue(SimulatorProperties.RECEIPT_DELAY) @NotNull Duration receiptDelay,
                                  @DefaultValue("10000") @Min(1) int throughput, @DefaultValue("32") @Min(1) int window,
                                  @DefaultValue("200ms") @NotNull Duration reconnectInitial,
                                  @DefaultValue("5s") @NotNull Duration reconnectMax) {

    /** Where the simulator listens unless told otherwise, here and in {@link SmscSimulator.Options#defaults()}. */
    public static final String LOOPBACK = "127.0.0.1";

    /** The receipt delay, here and in {@link SmscSimulator.Options}. */
    public static final String RECEIPT_DELAY = "50ms";
}
