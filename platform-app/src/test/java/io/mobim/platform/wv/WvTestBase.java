package io.mobim.platform.wv;

import io.mobim.wv.handset.WvHandset;
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

    /** Polls until nothing is handed out (the session's own presence, anything a login queued), at most 50 times. */
    static void drain(WvHandset client) {
        for (int i = 0; i < 50 && client.poll() != null; i++) {
            // handed out and dropped: these tests look at what comes after
        }
    }
}
