package io.mobim.platform.wv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mobim.events.Msisdn;
import io.mobim.platform.MobimIntegrationTest;
import io.mobim.platform.messaging.MessageSender;
import io.mobim.platform.messaging.SendResult;
import io.mobim.platform.support.Handsets;
import io.mobim.platform.support.MutableClock;
import io.mobim.platform.wv.cir.CirSettings;
import io.mobim.smpp.codec.UserDataHeader;
import io.mobim.smpp.simulator.HandsetMessage;
import io.mobim.smpp.simulator.SmscSimulator;
import io.mobim.smpp.simulator.SubmittedPart;
import io.mobim.wv.CspVersion;
import io.mobim.wv.model.CapabilityList;
import io.mobim.wv.model.KeepAliveRequest;
import io.mobim.wv.model.NewMessage;
import io.mobim.wv.model.Status;
import io.mobim.wv.model.Transaction;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Waking idle CSP clients (CIR) over real HTTP, TCP and SMPP: a client on standing TCP is sent a WVCI line when an
 * SMS subscriber's message waits and its poll then returns the message; clients woken by SMS get a WAP push (binary,
 * to the push port) or a plain SMS on the SMS-C simulator's handset; a client that never answers its wake gets the
 * message as an SMS, once.
 */
@MobimIntegrationTest
class WvCirEndToEndTest extends WvTestBase {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired SmscSimulator smsc;
    @Autowired MessageSender sender;
    @Autowired MutableClock clock;
    @Autowired CirSettings cir;
    @Autowired JdbcClient jdbc;
    private Handsets phones;

    @BeforeEach
    void phones() {
        phones = new Handsets(smsc, subscribers);
    }

    @ParameterizedTest(name = "{0} CSP {1}")
    @MethodSource("io.mobim.platform.wv.WvClients#encodingsAndVersions")
    void aClientOnStandingTcpIsWokenWhenAnSmsWaitsAndItsPollReturnsIt(String encoding, CspVersion version) throws Exception {
        Msisdn kate = clients.subscriber("kate");
        Msisdn leo = phones.subscriber("leo");
        WvHandset client = clients.loggedIn(kate, version, encoding);
        CapabilityList agreed = client.capabilitiesWithCir("SUDP", "STCP", "WAPSMS").capabilityList();
        assertThat(agreed.supportedCirMethods()).containsExactly("STCP");
        assertThat(agreed.tcpAddress()).isEqualTo("127.0.0.1");
        assertThat(agreed.tcpPort()).isPositive();

        try (Socket tcp = new Socket(agreed.tcpAddress(), agreed.tcpPort())) {
            tcp.setSoTimeout((int) WAIT.toMillis());
            OutputStream out = tcp.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(tcp.getInputStream(), StandardCharsets.US_ASCII));
            String wake = "WVCI " + version.label() + " " + client.sessionCookie();
            out.write(("HELO " + client.sessionId() + "\r\n").getBytes(StandardCharsets.US_ASCII));
            assertThat(in.readLine()).isEqualTo("OK");
            assertThat(in.readLine()).as("woken once on HELO: something may have waited").isEqualTo(wake);
            for (Transaction t = client.poll(); t != null; t = client.poll()) {
                client.acknowledge(t);
            }
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(in.readLine()).isEqualTo("OK");

            phones.addsContact(leo, kate, "kate");
            phones.text(leo, "1 Wake up, dinner is ready");

            // each wake is answered by one poll: the message comes out of a poll a WVCI line asked for
            NewMessage got = null;
            while (got == null) {
                assertThat(in.readLine()).isEqualTo(wake);
                Transaction t = client.poll();
                if (t != null && t.primitive() instanceof NewMessage m) {
                    got = m;
                    client.confirm(t);
                } else if (t != null) {
                    client.acknowledge(t);
                }
            }
            assertThat(got.contentData()).isEqualTo("Wake up, dinner is ready");
            assertThat(smsc.messagesTo(kate.value())).as("a TCP client is not woken by SMS").isEmpty();
        }
    }

    @Test
    void aHeloNamingNoLiveSessionIsRefused() throws Exception {
        Msisdn mona = clients.subscriber("mona");
        WvHandset client = clients.loggedIn(mona, CspVersion.V1_2, "xml");
        CapabilityList agreed = client.capabilitiesWithCir("STCP").capabilityList();
        try (Socket tcp = new Socket(agreed.tcpAddress(), agreed.tcpPort())) {
            tcp.setSoTimeout((int) WAIT.toMillis());
            tcp.getOutputStream().write("HELO no-such-session\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(tcp.getInputStream().read()).as("closed without OK").isEqualTo(-1);
        }
    }

    @Test
    void aClientWokenByWapPushGetsABinaryPushToThePushPortThenItsPollReturnsTheMessage() {
        Msisdn nina = clients.subscriber("nina");
        Msisdn omar = phones.subscriber("omar");
        WvHandset client = clients.loggedIn(nina, CspVersion.V1_2, "wbxml");
        assertThat(client.capabilitiesWithCir("WAPSMS", "SSMS").capabilityList().supportedCirMethods()).containsExactly("WAPSMS");

        phones.addsContact(omar, nina, "nina");
        phones.text(omar, "1 Are you there?");

        SubmittedPart push = await().atMost(WAIT).until(() -> smsc.submitsTo(nina.value()).stream()
                .filter(p -> p.dataCoding() == 0x04).findFirst().orElse(null), p -> p != null);
        assertThat(push.esmClass() & 0x40).as("a user data header").isEqualTo(0x40);
        byte[] sm = push.shortMessage();
        assertThat(Arrays.copyOf(sm, 7)).as("WDP ports 2948 from 9200").containsExactly(0x06, 0x05, 0x04, 0x0B, 0x84, 0x23, 0xF0);
        byte[] pdu = Arrays.copyOfRange(sm, UserDataHeader.parse(sm).headerLength(), sm.length);
        // WSP Push PDU: TID, Push, headers length, application/vnd.wv.csp.cir, X-Wap-Application-Id: wv.ua
        assertThat(Arrays.copyOf(pdu, 6)).containsExactly(0x01, 0x06, 0x03, 0xC6, 0xAF, 0x8A);
        assertThat(new String(pdu, 6, pdu.length - 6, StandardCharsets.US_ASCII)).isEqualTo("WVCI 1.2 " + client.sessionCookie());

        Transaction got = client.awaitPolled(NewMessage.class);
        assertThat(((NewMessage) got.primitive()).contentData()).isEqualTo("Are you there?");
        client.confirm(got);
        assertThat(smsc.submitsTo(nina.value())).as("one wake").filteredOn(p -> p.dataCoding() == 0x04).hasSize(1);
    }

    @Test
    void aClientWokenBySmsThatNeverAnswersGetsTheMessageAsAnSmsOnce() {
        Msisdn pia = clients.subscriber("pia");
        Msisdn quinn = phones.subscriber("quinn");
        WvHandset client = clients.loggedIn(pia, CspVersion.V1_1, "xml");
        assertThat(client.capabilitiesWithCir("SSMS").capabilityList().supportedCirMethods()).containsExactly("SSMS");

        phones.addsContact(quinn, pia, "pia");
        phones.text(quinn, "1 Ring me back");
        HandsetMessage wake = phones.awaitSms(pia, "WVCI");
        assertThat(wake.text()).isEqualTo("WVCI 1.1 " + client.sessionCookie());
        assertThat(wake.dataCoding()).as("a plain text SMS").isEqualTo((byte) 0x00);

        // the phone lost its bearer: nothing comes back within the answer timeout
        clock.advance(cir.answerTimeout().plusSeconds(1));

        HandsetMessage fallback = phones.awaitSms(pia, "Ring me back");
        assertThat(fallback.text()).startsWith("quinn");
        UUID messageId = jdbc.sql("select message_id from im.delivery where recipient = ?").param(pia.value())
                .query(UUID.class).single();
        await().atMost(WAIT).untilAsserted(() -> assertThat(sender.outcomes(messageId)).singleElement()
                .satisfies(r -> assertThat(r.route()).isEqualTo(SendResult.Route.SMS)));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() ->
                smsc.messagesTo(pia.value()).stream().filter(m -> m.text().contains("Ring me back")).count() == 1
                        && smsc.messagesTo(pia.value()).stream().filter(m -> m.text().startsWith("WVCI")).count() == 1);
        assertThat(client.request(new KeepAliveRequest(null), Status.class).result().code())
                .as("the session ended as expired").isEqualTo(600);
    }
}
