package io.mobim.smpp;

import java.time.Duration;

/**
 * An SMS-C that runs in this process (the all-in-one's simulator), offered as a bean by its module. The gateway
 * binds to it when no {@code mobim.smpp.smsc[N]} is configured, and knows nothing else about it: the simulator
 * is a test tool the gateway must not depend on.
 *
 * @param id the link's id in the gateway's metrics and health
 * @param host the address it listens on
 * @param port the port it listens on
 * @param systemId the system id to bind with
 * @param password the password to bind with
 * @param throughput submit_sm per second of the gateway's link to it
 * @param window send window of that link
 * @param reconnectInitial first rebind delay of that link
 * @param reconnectMax longest rebind delay of that link
 */
public record LocalSmsc(String id, String host, int port, String systemId, String password, int throughput, int window,
                        Duration reconnectInitial, Duration reconnectMax) {
}
