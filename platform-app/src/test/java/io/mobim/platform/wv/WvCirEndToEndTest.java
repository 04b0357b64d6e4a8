package io.mobim.platform.wv;

import io.mobim.wv.handset.WvHandset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mobim.events.Msisdn;
import io.mobim.platform.MobimApplication;
import io.mobim.platform.MobimIntegrationTest;
import io.mobim.platform.messaging.MessageSender;
import io.mobim.platform.messaging.SendResult;
import io.mobim.platform.support.Handsets;
import io.mobim.platform.support.MutableClock;
import io.mobim.platform.wv.cir.CirSettings;
import io.mobim.platform.wv.cir.TcpCirServer;
import io.mobim.smpp.codec.UserDataHeader;
import io.mobim.smpp.simulator.HandsetMessage;
import io.mobim.smpp.simulator.SmscSimulator;
import io.mobim.smpp.simulator.SubmittedPart;
import io.mobim.wv.CspVersion;
import io.mobim.wv.model.CapabilityList;
import io.mobim.wv.model.KeepAliveRequest;
import io.mobim.wv.model.NewMessage;
import io.mobim.wv.model.Primitive;
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
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Waking idle CSP clients (CIR) over real HTTP, TCP and SMPP: a client on standing TCP is sent a WVCI line when an
 * SMS subscriber's message waits and its poll then returns the message; clients woken by SMS get a WAP push (binary,
 * to the push port) or a plain SMS on the SMS-C simulator's handset; a client whose connection another instance
 * holds is woken by it; a client that never answers its wake gets the message as an SMS, once.
 */
@MobimIntegrationTest
class WvCirEndToEndTest extends WvTestBase {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired SmscSimulator smsc;
    @Autowired MessageSender sender;
    @Autowired MutableClock clock;
    @Autowired CirSettings cir;
    @Autowired JdbcClient jdbc;
    @Autowired Environment env;
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
            drainAnswering(client);
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(in.readLine()).isEqualTo("OK");

            phones.addsContact(leo, kate, "kate");
            phones.text(leo, "1 Wake up, dinner is ready");

            assertThat(wokenFor(in, wake, client).contentData()).isEqualTo("Wake up, dinner is ready");
            assertThat(smsc.messagesTo(kate.value())).as("a TCP client is not woken by SMS").isEmpty();
        }
    }

    @Test
    void anInstanceWakesAClientWhoseConnectionAnotherInstanceHolds() throws Exception {
        Msisdn rita = clients.subscriber("rita");
        Msisdn sam = clients.subscriber("sam");
        WvHandset client = clients.loggedIn(rita, CspVersion.V1_2, "xml");
        assertThat(client.capabilitiesWithCir("STCP").capabilityList().supportedCirMethods()).containsExactly("STCP");
        // the TCP load balancer sends the client's connection to another instance than its HTTP requests
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(MobimApplication.class)
                .run("--mobim.roles=im", "--server.port=0", "--mobim.wv.cir.tcp-port=0", "--mobim.outbox.node-id=cir-second",
                        "--mobim.kafka.instance-id=cir-second", "--mobim.admin.password=second",
                        // its consumers' partitions go back to this instance soon after it stops, for the tests after it
                        "--mobim.kafka.session-timeout=6s",
                        "--spring.datasource.url=" + env.getProperty("spring.datasource.url"),
                        "--spring.datasource.username=" + env.getProperty("spring.datasource.username"),
                        "--spring.kafka.bootstrap-servers=" + env.getProperty("spring.kafka.bootstrap-servers"));
             Socket tcp = new Socket("127.0.0.1", second.getBean(TcpCirServer.class).port())) {
            tcp.setSoTimeout((int) WAIT.toMillis());
            BufferedReader in = new BufferedReader(new InputStreamReader(tcp.getInputStream(), StandardCharsets.US_ASCII));
            String wake = "WVCI 1.2 " + client.sessionCookie();
            tcp.getOutputStream().write(("HELO " + client.sessionId() + "\r\n").getBytes(StandardCharsets.US_ASCII));
            assertThat(in.readLine()).isEqualTo("OK");
            assertThat(in.readLine()).isEqualTo(wake);
            drainAnswering(client);

            clients.loggedIn(sam, CspVersion.V1_2, "xml").send("Over here", "wv:" + rita.value() + "@mobim"); // through this instance

            assertThat(wokenFor(in, wake, client).contentData()).as("woken by the instance holding the connection")
                    .isEqualTo("Over here");
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

    /**
     * Answers each WVCI line with one poll, as a client does, until a poll returns a message (confirmed): the message
     * comes out of a poll a wake asked for.
     */
    private static NewMessage wokenFor(BufferedReader in, String wake, WvHandset client) throws java.io.IOException {
        Transaction t = wokenFor(in, wake, client, NewMessage.class);
        client.confirm(t);
        return (NewMessage) t.primitive();
    }

    /**
     * Answers each WVCI line with one poll, as a client does, until a poll returns a {@code type} (not answered):
     * it comes out of a poll a wake asked for.
     */
    static Transaction wokenFor(BufferedReader in, String wake, WvHandset client, Class<? extends Primitive> type)
            throws java.io.IOException {
        while (true) {
            assertThat(in.readLine()).isEqualTo(wake);
            Transaction t = client.poll();
            if (t != null && type.isInstance(t.primitive())) {
                return t;
            } else if (t != null) {
                client.acknowledge(t);
            }
        }
    }

    /** Polls until nothing waits, answering what comes as a handset does. */
    static void drainAnswering(WvHandset client) {
        for (int i = 0; i < 20; i++) {
            Transaction t = client.poll();
            if (t == null) {
                return;
            }
            assertThat(t.primitive()).as("the session is live").isNotInstanceOf(Status.class);
            client.acknowledge(t);
        }
        throw new AssertionError("still something to poll after 20 polls");
    }
}
