package io.mobim.platform.wv;

import io.mobim.events.Msisdn;
import io.mobim.platform.subscribers.SubscriberChanges;
import io.mobim.platform.subscribers.Subscribers;
import io.mobim.platform.support.TestNumbers;
import io.mobim.wv.CspVersion;
import io.mobim.wv.WvCodec;
import io.mobim.wv.handset.WvHandset;
import java.net.URI;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Subscribers with a CSP client, and the four ways a client speaks: XML or WBXML, CSP 1.1 or 1.2. */
final class WvClients {

    static final String PASSWORD = "s3cret-pw";

    private final URI endpoint;
    private final Subscribers subscribers;

    WvClients(int port, Subscribers subscribers) {
        this.endpoint = URI.create("http://127.0.0.1:" + port + "/wv/csp");
        this.subscribers = subscribers;
    }

    URI endpoint() {
        return endpoint;
    }

    /** A new subscriber with a client password, on the VODAFONE_UK plan. */
    Msisdn subscriber(String nick) {
        Msisdn m = TestNumbers.next();
        subscribers.register(m, nick, new SubscriberChanges(null, PASSWORD, "en", "VODAFONE_UK", null, null, null));
        return m;
    }

    /** A handset of {@code msisdn} speaking {@code version} in {@code encoding}, with a full UserID. */
    WvHandset handset(Msisdn msisdn, CspVersion version, String encoding) {
        return new WvHandset(endpoint, version, codec(encoding), "wv:" + msisdn.value() + "@mobim");
    }

    /** {@link #handset} logged in with the password in clear. */
    WvHandset loggedIn(Msisdn msisdn, CspVersion version, String encoding) {
        WvHandset handset = handset(msisdn, version, encoding);
        int code = handset.login(PASSWORD).result().code();
        if (code != 200) {
            throw new AssertionError("login answered " + code);
        }
        return handset;
    }

    static WvCodec codec(String encoding) {
        return encoding.equals("xml") ? WvCodec.xml() : WvCodec.wbxml();
    }

    /** The four combinations, for parameterised tests. */
    static Stream<Arguments> encodingsAndVersions() {
        return Stream.of(Arguments.of("xml", CspVersion.V1_1), Arguments.of("xml", CspVersion.V1_2),
                Arguments.of("wbxml", CspVersion.V1_1), Arguments.of("wbxml", CspVersion.V1_2));
    }
}
