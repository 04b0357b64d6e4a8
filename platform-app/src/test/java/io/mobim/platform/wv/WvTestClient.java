package io.mobim.platform.wv;

import static org.awaitility.Awaitility.await;

import io.mobim.events.Msisdn;
import io.mobim.wv.CspVersion;
import io.mobim.wv.handset.WvHandset;
import io.mobim.wv.model.NewMessage;
import io.mobim.wv.model.Transaction;
import java.net.URI;
import java.time.Duration;

/** A Wireless Village handset for tests outside this package: logs in, sends, and takes the next message it is sent. */
public final class WvTestClient {

    public static final String PASSWORD = WvClients.PASSWORD;

    private final WvHandset handset;

    private WvTestClient(WvHandset handset) {
        this.handset = handset;
    }

    /** A CSP 1.2 XML handset of {@code msisdn} logged in at the platform listening on {@code port}. */
    public static WvTestClient loggedIn(int port, Msisdn msisdn) {
        WvHandset handset = new WvHandset(URI.create("http://127.0.0.1:" + port + "/wv/csp"), CspVersion.V1_2,
                WvClients.codec("xml"), "wv:" + msisdn.value() + "@mobim");
        int code = handset.login(PASSWORD).result().code();
        if (code != 200) {
            throw new AssertionError("login answered " + code);
        }
        return new WvTestClient(handset);
    }

    /** Sends {@code text} to {@code to}; the CSP result code. */
    public int send(String text, Msisdn to) {
        return handset.send(text, "wv:" + to.value() + "@mobim").result().code();
    }

    /** The text of the next message delivered to this client, confirmed as delivered. */
    public String awaitMessage(Duration wait) {
        Transaction got = await().atMost(wait).until(handset::poll, t -> t != null && t.primitive() instanceof NewMessage);
        handset.confirm(got);
        return ((NewMessage) got.primitive()).contentData();
    }
}
