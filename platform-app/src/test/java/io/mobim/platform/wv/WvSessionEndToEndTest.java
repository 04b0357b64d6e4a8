package io.mobim.platform.wv;

import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.events.Msisdn;
import io.mobim.platform.MobimIntegrationTest;
import io.mobim.platform.presence.ClientSessions;
import io.mobim.platform.support.Handsets;
import io.mobim.platform.wv.session.WakeSignals;
import io.mobim.platform.wv.session.WvSessions;
import io.mobim.smpp.simulator.SmscSimulator;
import io.mobim.wv.CspVersion;
import io.mobim.wv.handset.WvHandset;
import io.mobim.wv.model.ClientCapabilityResponse;
import io.mobim.wv.model.ClientId;
import io.mobim.wv.model.Disconnect;
import io.mobim.wv.model.GetSpInfoRequest;
import io.mobim.wv.model.GetSpInfoResponse;
import io.mobim.wv.model.KeepAliveRequest;
import io.mobim.wv.model.KeepAliveResponse;
import io.mobim.wv.model.LoginRequest;
import io.mobim.wv.model.LoginResponse;
import io.mobim.wv.model.LogoutRequest;
import io.mobim.wv.model.ServiceRequest;
import io.mobim.wv.model.ServiceResponse;
import io.mobim.wv.model.Status;
import io.mobim.wv.model.WvNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * CSP sessions over real HTTP against the whole platform: login with the password in clear and by digest, in both
 * encodings and both versions, the negotiation that follows, keep-alive, logout, and what a client still using an
 * ended session is told.
 */
@MobimIntegrationTest
class WvSessionEndToEndTest extends WvTestBase {

    @Autowired ClientSessions clientSessions;
    @Autowired JdbcClient jdbc;
    @Autowired SmscSimulator smsc;
    @Autowired WvSettings settings;
    @Autowired Clock clock;
    @Autowired WakeSignals signals;


    @ParameterizedTest(name = "{0} CSP {1}")
    @MethodSource("io.mobim.platform.wv.WvClients#encodingsAndVersions")
    void aClientLogsInNegotiatesKeepsAliveAndLogsOutInItsEncodingAndVersion(String encoding, CspVersion version) {
        Msisdn alice = clients.subscriber("alice");
        WvHandset handset = clients.handset(alice, version, encoding);

        LoginResponse login = handset.login(WvClients.PASSWORD);
        assertThat(login.result().code()).isEqualTo(200);
        assertThat(login.sessionId()).as("at least 128 random bits, Base64").hasSizeGreaterThanOrEqualTo(22);
        assertThat(login.keepAliveTime()).as("the default within the operator's bounds").isEqualTo(1800);
        assertThat(login.capabilityRequest()).isTrue();
        assertThat(clientSessions.isClientOnline(alice)).as("the subscriber's client is live for the IM core").isTrue();

        ClientCapabilityResponse capabilities = (ClientCapabilityResponse) handset.capabilities("P");
        assertThat(capabilities.capabilityList().initialDeliveryMethod()).isEqualTo("P");
        assertThat(capabilities.capabilityList().serverPollMin()).isEqualTo(30);

        ServiceResponse services = handset.request(new ServiceRequest(new ClientId("http://handset/wv", null),
                WvNode.of("Functions", WvNode.of("WVCSPFeat", WvNode.of("IMFeat"),
                        WvNode.of("PresenceFeat", WvNode.of("AttListFunc")))), false),
                ServiceResponse.class);
        assertThat(services.allFunctions()).as("always there: clients read it unconditionally").isNotNull();
        WvNode agreed = services.functions().child("WVCSPFeat");
        assertThat(agreed.child("IMFeat")).as("asked and served").isNotNull();
        assertThat(agreed.child("PresenceFeat").children()).extracting(WvNode::name).as("asked and served").containsExactly("AttListFunc");
        assertThat(agreed.child("PresenceFeat").child("AttListFunc").children()).extracting(WvNode::name)
                .containsExactly("CALI", "DALI", "GALS");
        WvNode groupUse = services.allFunctions().child("WVCSPFeat").child("GroupFeat").child("GroupUseFunc");
        assertThat(groupUse.children()).extracting(WvNode::name).as("GetJoinedUsers is CSP 1.2")
                .containsExactlyElementsOf(version == CspVersion.V1_2 ? List.of("SUBGCN", "GRCHN", "GETJU") : List.of("SUBGCN", "GRCHN"));

        KeepAliveResponse keepAlive = handset.request(new KeepAliveRequest(100_000), KeepAliveResponse.class);
        assertThat(keepAlive.keepAliveTime()).as("capped at mobim.wv.keep-alive-max").isEqualTo(3600);
        assertThat(handset.request(new KeepAliveRequest(5), KeepAliveResponse.class).keepAliveTime())
                .as("raised to mobim.wv.keep-alive-min").isEqualTo(60);

        Disconnect bye = handset.request(new LogoutRequest(), Disconnect.class);
        assertThat(bye.result().code()).isEqualTo(200);
        assertThat(clientSessions.isClientOnline(alice)).isFalse();
        assertThat(handset.request(new KeepAliveRequest(null), Status.class).result().code())
                .as("a logged-out session is not a session").isEqualTo(604);
    }

    @ParameterizedTest(name = "{0} CSP {1}")
    @MethodSource("io.mobim.platform.wv.WvClients#encodingsAndVersions")
    void aClientLogsInByDigestWithoutSendingThePassword(String encoding, CspVersion version) {
        Msisdn bob = clients.subscriber("bob");

        LoginResponse sha = clients.handset(bob, version, encoding).loginDigest(WvClients.PASSWORD, "MD5", "SHA");
        assertThat(sha.result().code()).isEqualTo(200);
        assertThat(sha.sessionId()).isNotBlank();

        LoginResponse md5 = clients.handset(bob, version, encoding).loginDigest(WvClients.PASSWORD, "MD5");
        assertThat(md5.result().code()).isEqualTo(200);

        assertThat(clients.handset(bob, version, encoding).loginDigest("not-the-password", "SHA").result().code())
                .isEqualTo(409);
        assertThat(clients.handset(bob, version, encoding).loginDigest(WvClients.PASSWORD, "MD4").result().code())
                .as("no schema in common").isEqualTo(543);
    }

    @Test
    void theChallengeNamesTheSchemaAndANonceAndOpensNoSession() {
        Msisdn carol = clients.subscriber("carol");
        LoginResponse challenge = clients.handset(carol, CspVersion.V1_2, "wbxml").request(new LoginRequest(
                "wv:" + carol.value() + "@mobim", null, null, List.of("MD5", "SHA"), null, null, "c"), LoginResponse.class);
        assertThat(challenge.result().code()).isEqualTo(401);
        assertThat(challenge.digestSchema()).isEqualTo("SHA");
        assertThat(challenge.nonce()).isNotBlank();
        assertThat(challenge.sessionId()).isNull();
        assertThat(clientSessions.isClientOnline(carol)).isFalse();
    }

    @Test
    void loginFailuresAreAnsweredInTheLoginResponse() {
        Msisdn dave = clients.subscriber("dave");
        assertThat(clients.handset(dave, CspVersion.V1_2, "xml").login("wrong-password").result().code()).isEqualTo(409);
        assertThat(new WvHandset(clients.endpoint(), CspVersion.V1_2, WvClients.codec("xml"), "wv:+33612345678@mobim")
                .login(WvClients.PASSWORD).result().code()).as("not a subscriber").isEqualTo(531);
        assertThat(new WvHandset(clients.endpoint(), CspVersion.V1_2, WvClients.codec("xml"), "wv:" + dave.value() + "@other.net")
                .login(WvClients.PASSWORD).result().code()).as("another operator's user").isEqualTo(516);
    }

    @Test
    void userIdsAreReadAsRealClientsSendThem() {
        Msisdn erin = clients.subscriber("erin");
        String digits = erin.value().substring(1);
        for (String userId : List.of("wv:" + digits + "@mobim", erin.value(), digits, "WV:" + erin.value() + "@MOBIM",
                digits + "@mobim", "0" + erin.value().substring(3))) {
            LoginResponse login = new WvHandset(clients.endpoint(), CspVersion.V1_2, WvClients.codec("xml"), userId)
                    .login(WvClients.PASSWORD);
            assertThat(login.result().code()).as(userId).isEqualTo(200);
        }
    }

    @Test
    void aSessionThatWentSilentIsExpiredAndAnUnknownOneIsInvalid() {
        Msisdn frank = clients.subscriber("frank");
        WvHandset handset = clients.loggedIn(frank, CspVersion.V1_1, "wbxml");
        jdbc.sql("update im.client_session set expires_at = now() - interval '1 second' where msisdn = ?").param(frank.value()).update();
        clientSessions.expireSessions();

        assertThat(handset.request(new KeepAliveRequest(null), Status.class).result().code()).isEqualTo(600);
        assertThat(handset.request(new KeepAliveRequest(null), Status.class).result().code())
                .as("still told, by a read of the ended session").isEqualTo(600);

        handset.useSession(UUID.randomUUID().toString());
        assertThat(handset.request(new KeepAliveRequest(null), Status.class).result().code()).isEqualTo(604);
    }

    @Test
    void aSubscriberWhoRegisteredBySmsSetsAClientPasswordBySmsAndLogsInWithIt() {
        Handsets phones = new Handsets(smsc, subscribers);
        Msisdn hugo = phones.subscriber("hugo", "fr");
        WvHandset handset = clients.handset(hugo, CspVersion.V1_2, "wbxml");
        assertThat(handset.login("tigre-2005").result().code()).as("no password yet").isEqualTo(409);

        phones.text(hugo, "MDP abc");
        phones.awaitSms(hugo, "MDP <mot de passe>");
        phones.text(hugo, "MDP tigre-2005");
        phones.awaitSms(hugo, "Connectez-vous avec votre numéro " + hugo.value());

        assertThat(handset.loginDigest("tigre-2005", "SHA").result().code()).isEqualTo(200);
        assertThat(clients.handset(hugo, CspVersion.V1_2, "xml").login("tigre-2005").result().code()).isEqualTo(200);
    }

    @Test
    void aNewerLoginForcesTheOlderSessionOutOnlyWhereTheOperatorSaysSo() {
        Msisdn ivan = clients.subscriber("ivan");
        WvHandset phone = clients.loggedIn(ivan, CspVersion.V1_2, "xml");
        WvHandset laptop = clients.loggedIn(ivan, CspVersion.V1_1, "wbxml");
        assertThat(phone.request(new KeepAliveRequest(null), KeepAliveResponse.class).result().code())
                .as("by default a subscriber may use several clients").isEqualTo(200);

        // an instance of an operator that allows one client at a time
        WvSettings forcing = new WvSettings(settings.path(), settings.domain(), settings.maxBody(), settings.keepAliveMin(),
                settings.keepAliveMax(), settings.keepAliveDefault(), settings.keepAliveGrace(), true, settings.nonceValidity(),
                settings.endedSessionRetention(), settings.serverPollMin(), settings.serviceName(), null, null);
        new WvSessions(jdbc, clientSessions, signals, forcing, clock).open(ivan, CspVersion.V1_2, "tablet", "c3", 600);

        assertThat(phone.request(new KeepAliveRequest(null), Status.class).result().code()).isEqualTo(601);
        assertThat(laptop.request(new KeepAliveRequest(null), Status.class).result().code()).isEqualTo(601);
        assertThat(clientSessions.liveSessions(ivan)).as("the newest alone").hasSize(1);
    }

    @Test
    void getSpInfoNeedsNoSession() {
        GetSpInfoResponse info = new WvHandset(clients.endpoint(), CspVersion.V1_2, WvClients.codec("wbxml"), "anyone")
                .request(new GetSpInfoRequest(new ClientId("http://handset/wv", null)), GetSpInfoResponse.class);
        assertThat(info.name()).isEqualTo("mobim");
    }

    @Test
    void anHttpAuthorizationHeaderIsNotCheckedTheCspSessionIs() throws Exception {
        Msisdn gina = clients.subscriber("gina");
        byte[] login = WvClients.codec("xml").encode(io.mobim.wv.model.WvMessage.of(CspVersion.V1_2,
                io.mobim.wv.model.SessionDescriptor.outband(), io.mobim.wv.model.Transaction.request("1",
                        new LoginRequest("wv:" + gina.value() + "@mobim", null, WvClients.PASSWORD, List.of(), null, null, "c"))));
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(clients.endpoint())
                        .header("Content-Type", "application/vnd.wv.csp.xml")
                        .header("Authorization", "Basic d2FwZ3c6bm90LWEtdXNlcg==") // what a WAP gateway may add
                        .POST(HttpRequest.BodyPublishers.ofByteArray(login)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new String(response.body())).contains("<Code>200</Code>", "<SessionID>");
        assertThat(clientSessions.isClientOnline(gina)).isTrue();
    }
}
