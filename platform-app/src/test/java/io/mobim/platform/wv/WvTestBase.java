package io.mobim.platform.wv;

import io.mobim.platform.subscribers.Subscribers;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** What every CSP test over HTTP starts from: the running platform's port and subscribers, and clients of it. */
abstract class WvTestBase {

    @Value("${local.server.port}") int port;
    @Autowired Subscribers subscribers;
    WvClients clients;

    @BeforeEach
    void wvClients() {
        clients = new WvClients(port, subscribers);
    }
}
