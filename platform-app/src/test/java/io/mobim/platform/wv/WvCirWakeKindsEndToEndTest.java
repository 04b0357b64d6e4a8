package io.mobim.platform.wv;

import static io.mobim.platform.wv.WvBlockingEndToEndTest.id;
import static io.mobim.platform.wv.WvCirEndToEndTest.drainAnswering;
import static io.mobim.platform.wv.WvCirEndToEndTest.wokenFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.mobim.events.Msisdn;
import io.mobim.platform.MobimIntegrationTest;
import io.mobim.platform.wv.cir.CirSettings;
import io.mobim.platform.wv.session.WakeSignals.Kind;
import io.mobim.smpp.simulator.HandsetMessage;
import io.mobim.smpp.simulator.SmscSimulator;
import io.mobim.wv.CspVersion;
import io.mobim.wv.handset.WvHandset;
import io.mobim.wv.model.CapabilityList;
import io.mobim.wv.model.CreateGroupRequest;
import io.mobim.wv.model.GroupChangeNotice;
import io.mobim.wv.model.GroupProperties;
import io.mobim.wv.model.InviteRequest;
import io.mobim.wv.model.InviteUserRequest;
import io.mobim.wv.model.JoinGroupRequest;
import io.mobim.wv.model.JoinGroupResponse;
import io.mobim.wv.model.PresenceAuthRequest;
import io.mobim.wv.model.PresenceAuthUser;
import io.mobim.wv.model.PresenceNotificationRequest;
import io.mobim.wv.model.Property;
import io.mobim.wv.model.Recipient;
import io.mobim.wv.model.ScreenName;
import io.mobim.wv.model.Status;
import io.mobim.wv.model.SubscribePresenceRequest;
import io.mobim.wv.model.Transaction;
import io.mobim.wv.model.UpdatePresenceRequest;
import io.mobim.wv.model.User;
import io.mobim.wv.model.WvNode;
import io.mobim.wv.model.presence.PresenceSubList;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * CIR wakes an idle client for everything a poll hands out, not only messages, over real HTTP, TCP and SMPP: a client
 * woken by SMS is woken by an invitation and by a presence authorisation request (the WVCI SMS reaches its handset on
 * the SMS-C simulator) and its poll then returns it; a client on standing TCP is woken by a group change notice; a
 * contact's presence change, which by default wakes no one by SMS, waits for the client's next poll without an SMS.
 */
@MobimIntegrationTest
class WvCirWakeKindsEndToEndTest extends WvTestBase {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired SmscSimulator smsc;
    @Autowired CirSettings cir;
    @Autowired MeterRegistry meters;

    @ParameterizedTest(name = "{0} CSP {1}")
    @MethodSource("io.mobim.platform.wv.WvClients#encodingsAndVersions")
    void anIdleClientIsWokenBySmsByAnInvitationAndItsPollReturnsIt(String encoding, CspVersion version) {
        Msisdn kate = clients.subscriber("kate");
        Msisdn leo = clients.subscriber("leo");
        WvHandset client = smsWoken(kate, version, encoding);
        double before = wakes("SSMS", Kind.INVITATION);

        assertThat(clients.loggedIn(leo, CspVersion.V1_2, "xml").request(new InviteRequest("wake-1", "IM",
                new Recipient(List.of(new User(id(kate))), List.of(), List.of()), null, null, null, "Coffee?", null, 600), Status.class)
                .result().code()).isEqualTo(200);

        HandsetMessage wake = awaitWake(kate);
        assertThat(wake.text()).isEqualTo("WVCI " + version.label() + " " + client.sessionCookie());
        Transaction polled = client.poll();
        assertThat(polled.primitive()).as("the wake's poll returns the invitation").isInstanceOf(InviteUserRequest.class);
        assertThat(((InviteUserRequest) polled.primitive()).inviteNote()).isEqualTo("Coffee?");
        client.acknowledge(polled);
        assertThat(wakes("SSMS", Kind.INVITATION)).as("counted by method and kind").isEqualTo(before + 1);
        assertThat(wakesOn(kate)).as("one wake").isEqualTo(1);
    }

    @Test
    void anIdleClientIsWokenBySmsByAnAuthorisationRequestAndItsPollReturnsIt() {
        Msisdn mia = clients.subscriber("mia");
        Msisdn ned = clients.subscriber("ned");
        WvHandset client = smsWoken(mia, CspVersion.V1_1, "wbxml");

        assertThat(clients.loggedIn(ned, CspVersion.V1_2, "xml").request(new SubscribePresenceRequest(List.of(new User(id(mia))),
                List.of(), null, true), Status.class).result().code()).isEqualTo(200);

        assertThat(awaitWake(mia).text()).isEqualTo("WVCI 1.1 " + client.sessionCookie());
        Transaction polled = client.poll();
        assertThat(polled.primitive()).as("the wake's poll returns the request").isInstanceOf(PresenceAuthRequest.class);
        assertThat(((PresenceAuthRequest) polled.primitive()).userId()).isEqualTo(id(ned));
        client.acknowledge(polled);
        assertThat(wakesOn(mia)).as("one wake").isEqualTo(1);
    }

    @Test
    void aPresenceChangeSendsNoSmsWakeAndWaitsForTheNextPoll() {
        assertThat(cir.smsWakes()).as("the default: every kind but presence wakes by SMS").doesNotContain(Kind.PRESENCE);
        Msisdn olga = clients.subscriber("olga");
        Msisdn pete = clients.subscriber("pete");
        WvHandset client = smsWoken(olga, CspVersion.V1_2, "xml");
        WvHandset peteClient = clients.loggedIn(pete, CspVersion.V1_2, "xml");
        client.request(new SubscribePresenceRequest(List.of(new User(id(pete))), List.of(), null, true), Status.class);
        peteClient.acknowledge(peteClient.awaitPolled(PresenceAuthRequest.class));
        assertThat(peteClient.request(new PresenceAuthUser(id(olga), true), Status.class).result().code()).isEqualTo(200);
        drain(client);

        assertThat(peteClient.request(new UpdatePresenceRequest(PresenceSubList.of(new WvNode("PresenceSubList", null,
                List.of(WvNode.presenceValue("StatusText", "Out for lunch"))))), Status.class).result().code()).isEqualTo(200);

        // long enough for the client to be silent and for the sweeper to pass several times
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10)).until(() -> wakesOn(olga) == 0);
        // something that does wake it by SMS: the presence change was waiting all along, behind it
        peteClient.request(new InviteRequest("wake-2", "IM", new Recipient(List.of(new User(id(olga))), List.of(), List.of()),
                null, null, null, null, null, 600), Status.class);
        awaitWake(olga);
        Transaction invitation = client.poll();
        assertThat(invitation.primitive()).isInstanceOf(InviteUserRequest.class);
        client.acknowledge(invitation);
        Transaction presence = client.poll();
        assertThat(presence.primitive()).as("the change waited for the next poll").isInstanceOf(PresenceNotificationRequest.class);
        assertThat(((PresenceNotificationRequest) presence.primitive()).presences()).anySatisfy(p -> {
            assertThat(p.userId()).isEqualTo(id(pete));
            assertThat(p.presenceSubList().toNode().child("StatusText").childText("PresenceValue")).isEqualTo("Out for lunch");
        });
        assertThat(wakesOn(olga)).as("the invitation's wake only").isEqualTo(1);
    }

    @Test
    void aClientOnStandingTcpIsWokenByAGroupChangeNotice() throws Exception {
        Msisdn rosa = clients.subscriber("rosa");
        Msisdn sid = clients.subscriber("sid");
        WvHandset client = clients.loggedIn(rosa, CspVersion.V1_2, "xml");
        CapabilityList agreed = client.capabilitiesWithCir("STCP").capabilityList();
        assertThat(agreed.supportedCirMethods()).containsExactly("STCP");
        String chat = "wv:" + rosa.value() + "/wake@mobim";
        assertThat(client.request(new CreateGroupRequest(chat, new GroupProperties(List.of(new Property("AccessType", "Open")), null),
                true, null, true), Status.class).result().code()).isEqualTo(200);

        try (Socket tcp = new Socket(agreed.tcpAddress(), agreed.tcpPort())) {
            tcp.setSoTimeout((int) WAIT.toMillis());
            OutputStream out = tcp.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(tcp.getInputStream(), StandardCharsets.US_ASCII));
            String wake = "WVCI 1.2 " + client.sessionCookie();
            out.write(("HELO " + client.sessionId() + "\r\n").getBytes(StandardCharsets.US_ASCII));
            assertThat(in.readLine()).isEqualTo("OK");
            assertThat(in.readLine()).as("woken once on HELO: something may have waited").isEqualTo(wake);
            drainAnswering(client);
            double before = wakes("STCP", Kind.GROUP_NOTICE);

            clients.loggedIn(sid, CspVersion.V1_2, "xml").request(new JoinGroupRequest(chat, new ScreenName("Sid", chat), null, false,
                    true), JoinGroupResponse.class);

            GroupChangeNotice notice = (GroupChangeNotice) wokenFor(in, wake, client, GroupChangeNotice.class).primitive();
            assertThat(notice.groupId()).isEqualTo(chat);
            assertThat(notice.joined()).as("sid joined").isNotNull();
            await().atMost(WAIT).until(() -> wakes("STCP", Kind.GROUP_NOTICE) > before);
            assertThat(smsc.messagesTo(rosa.value())).as("a TCP client is not woken by SMS").isEmpty();
        }
    }

    /** A client of {@code msisdn} that agreed to be woken by plain SMS, with nothing left to poll. */
    private WvHandset smsWoken(Msisdn msisdn, CspVersion version, String encoding) {
        WvHandset client = clients.loggedIn(msisdn, version, encoding);
        assertThat(client.capabilitiesWithCir("SSMS").capabilityList().supportedCirMethods()).containsExactly("SSMS");
        drain(client);
        return client;
    }

    private HandsetMessage awaitWake(Msisdn handset) {
        return await().atMost(WAIT).until(() -> smsc.messagesTo(handset.value()).stream()
                .filter(m -> m.text().startsWith("WVCI")).findFirst().orElse(null), m -> m != null);
    }

    private long wakesOn(Msisdn handset) {
        return smsc.messagesTo(handset.value()).stream().filter(m -> m.text().startsWith("WVCI")).count();
    }

    private double wakes(String method, Kind kind) {
        Counter c = meters.find("mobim.wv.cir.wakes").tags("method", method, "kind", kind.name()).counter();
        return c == null ? 0 : c.count();
    }
}
