package io.mobim.platform.wv;

import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.events.Msisdn;
import io.mobim.platform.MobimIntegrationTest;
import io.mobim.wv.CspVersion;
import io.mobim.wv.WvCodec;
import io.mobim.wv.WvLimits;
import io.mobim.wv.handset.WvHandset;
import io.mobim.wv.model.KeepAliveRequest;
import io.mobim.wv.model.LoginResponse;
import io.mobim.wv.model.MessageInfo;
import io.mobim.wv.model.Recipient;
import io.mobim.wv.model.SendMessageRequest;
import io.mobim.wv.model.SendMessageResponse;
import io.mobim.wv.model.Status;
import io.mobim.wv.model.WvMessage;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the endpoint makes of what handsets really send: wrong content types, broken bodies, requests that make no
 * sense. Clients treat any HTTP status but 200 as a broken connection, so whatever can be answered in CSP is; only a
 * body that is not a CSP message at all gets an HTTP error, and it disturbs no other client.
 */
@MobimIntegrationTest
class WvEndpointInputTest extends WvTestBase {

    /** A real Movistar client's login, sent as {@code text/html} (reference section 12, values substituted). */
    private static final String MOVISTAR_LOGIN = """
            <?xml version="1.0" encoding="utf-8"?><WV-CSP-Message xmlns:xsd="http://www.w3.org/2001/XMLSchema" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://www.openmobilealliance.org/DTD/WV-CSP1.2">\
            <Session><SessionDescriptor><SessionType>Outband</SessionType></SessionDescriptor><Transaction>\
            <TransactionDescriptor><TransactionMode>Request</TransactionMode><TransactionID>1</TransactionID>\
            </TransactionDescriptor><TransactionContent xmlns="http://www.openmobilealliance.org/DTD/WV-TRC1.2">\
            <Login-Request><UserID>%s@mobim</UserID><ClientID><URL>WV:IMPEL01$00001@movistar.es</URL></ClientID>\
            <Password>%s</Password><TimeToLive>1620</TimeToLive><SessionCookie>wv:nokia.1</SessionCookie></Login-Request>\
            </TransactionContent></Transaction></Session></WV-CSP-Message>""";



    @Test
    void anXmlBodySentAsTextHtmlIsAnsweredInXml() throws Exception {
        Msisdn m = clients.subscriber("movi");
        HttpResponse<byte[]> response = WvHandset.post(clients.endpoint(),
                MOVISTAR_LOGIN.formatted(m.value().substring(1), WvClients.PASSWORD).getBytes(StandardCharsets.UTF_8), "text/html");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(WvCodec.XML_CONTENT_TYPE));
        LoginResponse login = (LoginResponse) WvCodec.xml().decode(response.body(), WvLimits.DEFAULT).primitive();
        assertThat(login.result().code()).isEqualTo(200);
        assertThat(login.keepAliveTime()).as("the client's TimeToLive, within bounds").isEqualTo(1620);
    }

    @Test
    void aWbxmlBodyWithoutContentTypeIsReadAsWbxml() throws Exception {
        Msisdn m = clients.subscriber("octet");
        WvHandset handset = clients.handset(m, CspVersion.V1_1, "wbxml").contentType("application/octet-stream");
        assertThat(handset.login(WvClients.PASSWORD).result().code()).isEqualTo(200);
    }

    @Test
    void aMalformedWbxmlBodyGets400AndTheServerGoesOnServingOtherClients() {
        Msisdn m = clients.subscriber("good");
        WvHandset good = clients.handset(m, CspVersion.V1_2, "wbxml");
        assertThat(good.login(WvClients.PASSWORD).result().code()).isEqualTo(200);

        byte[] valid = WvCodec.wbxml().encode(WvMessage.of(CspVersion.V1_2, io.mobim.wv.model.SessionDescriptor.inband(good.sessionId()),
                io.mobim.wv.model.Transaction.request("9", new KeepAliveRequest(null))));
        byte[] truncated = Arrays.copyOf(valid, valid.length / 2);
        HttpResponse<byte[]> broken = WvHandset.post(clients.endpoint(), truncated, WvCodec.WBXML_CONTENT_TYPE);
        assertThat(broken.statusCode()).isEqualTo(400);
        byte[] garbage = new byte[] {0x03, 0x11, 0x6A, 0x00, (byte) 0xC9, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F};
        assertThat(WvHandset.post(clients.endpoint(), garbage, WvCodec.WBXML_CONTENT_TYPE).statusCode()).isEqualTo(400);

        assertThat(good.request(new KeepAliveRequest(null), io.mobim.wv.model.KeepAliveResponse.class).result().code())
                .as("the client whose bytes were broken, and every other, is still served").isEqualTo(200);
        Msisdn other = clients.subscriber("other");
        assertThat(clients.handset(other, CspVersion.V1_1, "xml").login(WvClients.PASSWORD).result().code()).isEqualTo(200);
    }

    @Test
    void aBodyThatIsNotCspIsRefusedOverHttp() {
        assertThat(WvHandset.post(clients.endpoint(), "{\"hello\":1}".getBytes(StandardCharsets.UTF_8), "application/json")
                .statusCode()).isEqualTo(415);
        assertThat(WvHandset.post(clients.endpoint(), new byte[0], WvCodec.XML_CONTENT_TYPE).statusCode()).isEqualTo(400);
        byte[] huge = ("<WV-CSP-Message>" + "x".repeat(70 * 1024) + "</WV-CSP-Message>").getBytes(StandardCharsets.UTF_8);
        assertThat(WvHandset.post(clients.endpoint(), huge, WvCodec.XML_CONTENT_TYPE).statusCode()).isEqualTo(413);
    }

    @Test
    void aBodySentChunkedWithoutContentLengthIsReadAsWell() throws Exception {
        Msisdn m = clients.subscriber("chunked");
        HttpResponse<byte[]> response = postChunked(MOVISTAR_LOGIN.formatted(m.value().substring(1), WvClients.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        LoginResponse login = (LoginResponse) WvCodec.xml().decode(response.body(), WvLimits.DEFAULT).primitive();
        assertThat(login.result().code()).isEqualTo(200);

        byte[] huge = ("<WV-CSP-Message>" + "x".repeat(70 * 1024) + "</WV-CSP-Message>").getBytes(StandardCharsets.UTF_8);
        assertThat(postChunked(huge).statusCode()).as("no Content-Length to refuse it by: refused once read past the limit")
                .isEqualTo(413);
    }

    @Test
    void aHandsetKeepsItsConnectionForAsManyRequestsAsItMakes() throws Exception {
        Msisdn m = clients.subscriber("keeper");
        WvHandset handset = clients.handset(m, CspVersion.V1_2, "wbxml");
        assertThat(handset.login(WvClients.PASSWORD).result().code()).isEqualTo(200);
        byte[] poll = WvCodec.wbxml().encode(WvMessage.of(CspVersion.V1_2, io.mobim.wv.model.SessionDescriptor.inband(handset.sessionId()),
                io.mobim.wv.model.Transaction.request("", new io.mobim.wv.model.PollingRequest())));
        URI endpoint = clients.endpoint();
        byte[] head = ("POST " + endpoint.getRawPath() + " HTTP/1.1\r\nHost: " + endpoint.getHost() + "\r\nContent-Type: "
                + WvCodec.WBXML_CONTENT_TYPE + "\r\nContent-Length: " + poll.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] request = Arrays.copyOf(head, head.length + poll.length); // one write: no wait for the head's ACK
        System.arraycopy(poll, 0, request, head.length, poll.length);
        // a handset polls on one connection for its whole session: a reconnect (a TLS handshake over a mobile network)
        // costs it more than the requests do
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            for (int i = 0; i < 300; i++) {
                out.write(request);
                out.flush();
                List<String> response = responseHead(in);
                assertThat(response.getFirst()).as("request %d", i).startsWith("HTTP/1.1 200");
                assertThat(response).as("request %d", i).noneMatch(h -> h.equalsIgnoreCase("Connection: close"));
                int length = response.stream().filter(h -> h.regionMatches(true, 0, "Content-Length:", 0, 15))
                        .mapToInt(h -> Integer.parseInt(h.substring(15).strip())).findFirst().orElse(0);
                in.readNBytes(length);
            }
        }
    }

    /** The status line and headers of one HTTP response, up to the blank line. */
    private static List<String> responseHead(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (b == '\n') {
                String l = line.toString().strip();
                if (l.isEmpty()) {
                    return lines;
                }
                lines.add(l);
                line.setLength(0);
            } else {
                line.append((char) b);
            }
        }
        throw new EOFException("the server closed the connection after " + lines);
    }

    /** Posts {@code body} as XML with no Content-Length (chunked), as a client streaming its request would. */
    private HttpResponse<byte[]> postChunked(byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(clients.endpoint()).header("Content-Type", WvCodec.XML_CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        }
    }

    @Test
    void aRequestThatCannotBeServedGetsACspStatusInHttp200() {
        Msisdn m = clients.subscriber("oddball");
        WvHandset handset = clients.handset(m, CspVersion.V1_2, "xml");

        SendMessageRequest send = new SendMessageRequest(false, new MessageInfo(null, null, "text/plain", null, 2,
                new Recipient(List.of(new io.mobim.wv.model.User("wv:+447700900999@mobim")), List.of(), List.of()),
                null, null, null, null), "hi");
        assertThat(handset.request(send, Status.class).result().code()).as("no session").isEqualTo(604);

        handset.login(WvClients.PASSWORD);
        SendMessageRequest noRecipient = new SendMessageRequest(false,
                new MessageInfo(null, null, "text/plain", null, 2, null, null, null, null, null), "hi");
        assertThat(handset.request(noRecipient, Status.class).result().code()).isEqualTo(402);
        assertThat(handset.request(new io.mobim.wv.model.PresenceNotificationRequest(List.of()), Status.class).result().code())
                .as("a server's primitive sent by a client is not served").isEqualTo(405);
        SendMessageResponse toNobody = handset.send("hi", "wv:+33612345678@mobim");
        assertThat(toNobody.result().code()).isEqualTo(531);
    }

    @Test
    void aCspVersionNotSpokenHereGetsStatus505() throws Exception {
        String v13 = """
                <WV-CSP-Message xmlns="http://www.openmobilealliance.org/DTD/IMPS-CSP1.3"><Session><SessionDescriptor>\
                <SessionType>Outband</SessionType></SessionDescriptor><Transaction><TransactionDescriptor>\
                <TransactionMode>Request</TransactionMode><TransactionID>1</TransactionID></TransactionDescriptor>\
                <TransactionContent xmlns="http://www.openmobilealliance.org/DTD/IMPS-TRC1.3"><Polling-Request/>\
                </TransactionContent></Transaction></Session></WV-CSP-Message>""";
        HttpResponse<byte[]> response = WvHandset.post(clients.endpoint(), v13.getBytes(StandardCharsets.UTF_8), WvCodec.XML_CONTENT_TYPE);
        assertThat(response.statusCode()).isEqualTo(200);
        Status status = (Status) WvCodec.xml().decode(response.body(), WvLimits.DEFAULT).primitive();
        assertThat(status.result().code()).isEqualTo(505);
    }
}
