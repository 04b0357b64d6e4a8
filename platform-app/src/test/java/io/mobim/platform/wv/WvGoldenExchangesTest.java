package io.mobim.platform.wv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mobim.events.Msisdn;
import io.mobim.platform.MobimIntegrationTest;
import io.mobim.platform.support.Handsets;
import io.mobim.smpp.simulator.SmscSimulator;
import io.mobim.wv.CspVersion;
import io.mobim.wv.WvCodec;
import io.mobim.wv.WvLimits;
import io.mobim.wv.handset.WvHandset;
import io.mobim.wv.model.LoginResponse;
import io.mobim.wv.model.NewMessage;
import io.mobim.wv.model.SendMessageResponse;
import io.mobim.wv.model.WvMessage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The golden CSP exchanges of the reference (wireless-village.md section 12), as their clients sent them, through the
 * whole server: the spec's 1.1 login, and a live Movistar client's 1.2 SendMessage and Polling-Request (sent as
 * {@code text/html}, with {@code xmlns:xsd} decorations, a sender without {@code wv:}, an HTML body and an empty
 * TransactionID), with only the session, the numbers and the domain put in for this platform's.
 */
@MobimIntegrationTest
class WvGoldenExchangesTest extends WvTestBase {

    /** G1: Login-Request, 2-way, CSP 1.1 (libwbxml wv-003.xml). */
    private static final String G1_LOGIN = """
            <WV-CSP-Message xmlns="http://www.wireless-village.org/CSP1.1"><Session><SessionDescriptor><SessionType>Outband\
            </SessionType></SessionDescriptor><Transaction><TransactionDescriptor><TransactionMode>Request</TransactionMode>\
            <TransactionID>IMApp01#12345@NOK5110</TransactionID></TransactionDescriptor><TransactionContent \
            xmlns="http://www.wireless-village.org/TRC1.1"><Login-Request><UserID>wv:user@im.com</UserID><ClientID><URL>\
            http://206.226.10.25:80/IMPSAPP</URL></ClientID><Password>1my2pass3word</Password><TimeToLive>120</TimeToLive>\
            <SessionCookie>im.user.com#20011224#328746293</SessionCookie></Login-Request></TransactionContent></Transaction>\
            </Session></WV-CSP-Message>""";

    /** G2: SendMessage-Request, CSP 1.2, as a Movistar client sent it to a live server. */
    private static final String G2_SEND = """
            <?xml version="1.0" encoding="utf-8"?><WV-CSP-Message xmlns:xsd="http://www.w3.org/2001/XMLSchema" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://www.openmobilealliance.org/DTD/WV-CSP1.2">\
            <Session><SessionDescriptor><SessionType>Inband</SessionType><SessionID>2zrev0w230</SessionID></SessionDescriptor>\
            <Transaction><TransactionDescriptor><TransactionMode>Request</TransactionMode><TransactionID>7</TransactionID>\
            </TransactionDescriptor><TransactionContent xmlns="http://www.openmobilealliance.org/DTD/WV-TRC1.2">\
            <SendMessage-Request><DeliveryReport>F</DeliveryReport><MessageInfo><ContentType>text/html</ContentType>\
            <ContentSize>148</ContentSize><Recipient><User><UserID>wv:6yyyyyyyy@movistar.es</UserID></User></Recipient>\
            <Sender><User><UserID>6xxxxxxxx@movistar.es</UserID></User></Sender></MessageInfo><ContentData>&lt;span \
            style="color:#000000"&gt;hola&lt;/span&gt;</ContentData></SendMessage-Request></TransactionContent></Transaction>\
            </Session></WV-CSP-Message>""";

    /** G3: Polling-Request, CSP 1.2, live (an empty TransactionID). */
    private static final String G3_POLL = """
            <WV-CSP-Message xmlns="http://www.openmobilealliance.org/DTD/WV-CSP1.2"><Session><SessionDescriptor><SessionType>\
            Inband</SessionType><SessionID>2zrev0w230</SessionID></SessionDescriptor><Transaction><TransactionDescriptor>\
            <TransactionMode>Request</TransactionMode><TransactionID/></TransactionDescriptor><TransactionContent \
            xmlns="http://www.openmobilealliance.org/DTD/WV-TRC1.2"><Polling-Request/></TransactionContent></Transaction>\
            </Session></WV-CSP-Message>""";

    @Autowired SmscSimulator smsc;

    @Test
    void theSpecsLoginOfAnotherDomainIsAnsweredInItsVersionWithItsTransactionId() throws Exception {
        WvMessage answer = exchange(G1_LOGIN, WvCodec.XML_CONTENT_TYPE);
        assertThat(answer.version()).isEqualTo(CspVersion.V1_1);
        assertThat(answer.transaction().transactionId()).isEqualTo("IMApp01#12345@NOK5110");
        assertThat(((LoginResponse) answer.primitive()).result().code()).as("im.com is not served here").isEqualTo(516);
    }

    @Test
    void aMovistarClientsMessageReachesAnSmsSubscriberWithoutItsMarkupAndAnSmsComesBackOnItsPoll() throws Exception {
        Handsets phones = new Handsets(smsc, subscribers);
        Msisdn client = clients.subscriber("movi");
        Msisdn phone = phones.subscriber("pepe");
        String session = clients.loggedIn(client, CspVersion.V1_2, "xml").sessionId();

        WvMessage sent = exchange(G2_SEND.replace("2zrev0w230", session)
                .replace("wv:6yyyyyyyy@movistar.es", "wv:" + phone.value().substring(1) + "@mobim")
                .replace("6xxxxxxxx@movistar.es", client.value().substring(1) + "@mobim"), "text/html");
        assertThat(sent.transaction().transactionId()).isEqualTo("7");
        assertThat(((SendMessageResponse) sent.primitive()).result().code()).isEqualTo(200);
        assertThat(phones.awaitSms(phone, "hola").text()).doesNotContain("span").startsWith("movi");

        HttpResponse<byte[]> nothing = WvHandset.post(clients.endpoint(), G3_POLL.replace("2zrev0w230", session)
                .getBytes(StandardCharsets.UTF_8), "text/html");
        assertThat(nothing.statusCode()).isEqualTo(200);
        assertThat(nothing.body()).as("nothing waits: an empty 200").isEmpty();

        phones.addsContact(phone, client, "movi");
        phones.text(phone, "1 que tal?");
        WvMessage polled = await().atMost(Handsets.WAIT)
                .until(() -> exchangeOrNull(G3_POLL.replace("2zrev0w230", session)), m -> m != null && m.primitive() instanceof NewMessage);
        assertThat(((NewMessage) polled.primitive()).contentData()).isEqualTo("que tal?");
    }

    private WvMessage exchange(String xml, String contentType) throws Exception {
        HttpResponse<byte[]> response = WvHandset.post(clients.endpoint(), xml.getBytes(StandardCharsets.UTF_8), contentType);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(WvCodec.XML_CONTENT_TYPE));
        return WvCodec.xml().decode(response.body(), WvLimits.DEFAULT);
    }

    private WvMessage exchangeOrNull(String xml) throws Exception {
        HttpResponse<byte[]> response = WvHandset.post(clients.endpoint(), xml.getBytes(StandardCharsets.UTF_8), "text/html");
        return response.body().length == 0 ? null : WvCodec.xml().decode(response.body(), WvLimits.DEFAULT);
    }
}
