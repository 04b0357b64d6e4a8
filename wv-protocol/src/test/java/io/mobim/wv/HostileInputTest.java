package io.mobim.wv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mobim.wv.model.*;
import io.mobim.wv.model.presence.*;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad and hostile input yields the decode exception with the right CSP status, and leniency where clients need it. */
class HostileInputTest {

    private static final String ENV_HEAD = "<WV-CSP-Message xmlns=\"http://www.openmobilealliance.org/DTD/WV-CSP1.2\">"
            + "<Session><SessionDescriptor><SessionType>Inband</SessionType><SessionID>s</SessionID></SessionDescriptor>"
            + "<Transaction><TransactionDescriptor><TransactionMode>Request</TransactionMode><TransactionID>1</TransactionID>"
            + "</TransactionDescriptor><TransactionContent xmlns=\"http://www.openmobilealliance.org/DTD/WV-TRC1.2\">";
    private static final String ENV_TAIL = "</TransactionContent></Transaction></Session></WV-CSP-Message>";

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static WvMessage xml(String s) throws WvDecodeException {
        return WvCodec.xml().decode(utf8(s), WvLimits.DEFAULT);
    }

    private static StatusCode xmlStatus(String s) {
        return status(() -> xml(s));
    }

    private static StatusCode wbxmlStatus(byte[] b) {
        return status(() -> WvCodec.wbxml().decode(b, WvLimits.DEFAULT));
    }

    interface Decode {
        WvMessage run() throws WvDecodeException;
    }

    private static StatusCode status(Decode d) {
        try {
            d.run();
        } catch (WvDecodeException e) {
            return e.status();
        }
        throw new AssertionError("decoded");
    }

    @Test
    void doctypeIsAcceptedAndItsPublicIdGivesTheVersionWhenTheNamespaceIsMissing() throws Exception {
        String body = "<?xml version=\"1.0\"?><!DOCTYPE WV-CSP-Message PUBLIC \"-//OMA//DTD WV-CSP 1.1//EN\" "
                + "\"http://www.openmobilealliance.org/DTD/WV-CSP.XML\">"
                + ENV_HEAD.replace(" xmlns=\"http://www.openmobilealliance.org/DTD/WV-CSP1.2\"", "")
                        .replace(" xmlns=\"http://www.openmobilealliance.org/DTD/WV-TRC1.2\"", "")
                + "<Polling-Request/>" + ENV_TAIL;
        assertThat(xml(body).version()).isEqualTo(CspVersion.V1_1);
    }

    @Test
    void externalEntitiesAreNeverFetched(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE WV-CSP-Message [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                + ENV_HEAD + "<SendMessage-Request><ContentData>&xxe;</ContentData></SendMessage-Request>" + ENV_TAIL;
        assertThat(xmlStatus(xxe)).isEqualTo(StatusCode.BAD_REQUEST);
        String dtd = "<?xml version=\"1.0\"?><!DOCTYPE WV-CSP-Message SYSTEM \"" + secret.toUri() + "\">"
                + ENV_HEAD + "<Polling-Request/>" + ENV_TAIL;
        try {
            assertThat(xml(dtd).primitive()).isEqualTo(new PollingRequest()); // external DTD not read
        } catch (WvDecodeException e) {
            assertThat(e.status()).isEqualTo(StatusCode.BAD_REQUEST);
            assertThat(e.reason()).doesNotContain("TOP-SECRET");
        }
    }

    @Test
    void billionLaughsIsRejected() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE WV-CSP-Message [<!ENTITY l0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY l").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                dtd.append("&l").append(i - 1).append(';');
            }
            dtd.append("\">");
        }
        dtd.append("]>");
        String body = dtd + ENV_HEAD + "<SendMessage-Request><ContentData>&l9;</ContentData></SendMessage-Request>" + ENV_TAIL;
        assertThat(xmlStatus(body)).isEqualTo(StatusCode.BAD_REQUEST);
    }

    @Test
    void deepNestingIsRejectedInBothEncodings() {
        String deep = ENV_HEAD + "<SendMessage-Request>" + "<X>".repeat(100_000) + ENV_TAIL;
        assertThat(xmlStatus(deep)).isEqualTo(StatusCode.BAD_REQUEST);
        byte[] head = TestFiles.hex("03 11 6a 00 c9 08 03 31 2e 32 00 01 6d");
        byte[] b = Arrays.copyOf(head, head.length + 1_000_000);
        Arrays.fill(b, head.length, b.length, (byte) 0x6D); // <Session> with content, nested a million times
        WvLimits big = new WvLimits(2_000_000, 32);
        assertThat(status(() -> WvCodec.wbxml().decode(b, big))).isEqualTo(StatusCode.BAD_REQUEST);
        assertThatThrownBy(() -> WvCodec.wbxml().decode(b, big)).hasMessageContaining("deeper than 32");
    }

    @Test
    void sizeLimitIsEnforcedForArraysAndStreams() {
        byte[] g1 = TestFiles.bytes("golden/g1-login-request-1.1.xml");
        WvLimits small = new WvLimits(100, 32);
        assertThat(status(() -> WvCodec.xml().decode(g1, small))).isEqualTo(StatusCode.BAD_REQUEST);
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'a';
            }
        };
        assertThat(status(() -> WvCodec.xml().decode(endless, small))).isEqualTo(StatusCode.BAD_REQUEST);
        assertThat(status(() -> WvCodec.wbxml().decode(endless, small))).isEqualTo(StatusCode.BAD_REQUEST);
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("reset by peer");
            }
        };
        assertThat(status(() -> WvCodec.wbxml().decode(failing, small))).isEqualTo(StatusCode.BAD_REQUEST);
    }

    @Test
    void streamDecodingReadsTheWholeBody() throws Exception {
        byte[] g1 = TestFiles.bytes("golden/g1-login-request-1.1.xml");
        assertThat(WvCodec.xml().decode(new ByteArrayInputStream(g1), WvLimits.DEFAULT))
                .isEqualTo(WvCodec.xml().decode(g1, WvLimits.DEFAULT));
    }

    @Test
    void malformedBodiesAreBadRequests() {
        assertThat(xmlStatus("")).isEqualTo(StatusCode.BAD_REQUEST);
        assertThat(xmlStatus("<WV-CSP-Message")).isEqualTo(StatusCode.BAD_REQUEST);
        assertThat(xmlStatus("hello")).isEqualTo(StatusCode.BAD_REQUEST);
        assertThat(xmlStatus("<html><body/></html>")).isEqualTo(StatusCode.BAD_REQUEST);
        assertThat(xmlStatus(ENV_HEAD + "<SendMessage-Request>" + ENV_TAIL)).isEqualTo(StatusCode.BAD_REQUEST);
        assertThat(xmlStatus(ENV_HEAD + ENV_TAIL)).isEqualTo(StatusCode.BAD_REQUEST);
        assertThat(xmlStatus(ENV_HEAD + "<KeepAlive-Request><TimeToLive>ten</TimeToLive></KeepAlive-Request>" + ENV_TAIL))
                .isEqualTo(StatusCode.BAD_REQUEST);
        assertThat(xmlStatus(ENV_HEAD + "<KeepAlive-Request><TimeToLive>99999999999</TimeToLive></KeepAlive-Request>"
                + ENV_TAIL)).isEqualTo(StatusCode.BAD_REQUEST);
        assertThat(xmlStatus(ENV_HEAD.replace("Request</TransactionMode>", "Maybe</TransactionMode>")
                + "<Polling-Request/>" + ENV_TAIL)).isEqualTo(StatusCode.BAD_REQUEST);
        assertThat(wbxmlStatus(new byte[0])).isEqualTo(StatusCode.BAD_REQUEST);
        assertThat(wbxmlStatus(TestFiles.hex("03 11 6a"))).isEqualTo(StatusCode.BAD_REQUEST);
        assertThat(wbxmlStatus(TestFiles.hex("03 11 6a 7f"))).isEqualTo(StatusCode.BAD_REQUEST); // string table too long
        assertThat(wbxmlStatus(TestFiles.hex("03 11 6a 8f ff ff ff 7f"))).isEqualTo(StatusCode.BAD_REQUEST);
        assertThat(wbxmlStatus(TestFiles.hex("03 11 6a 00 c9 08 03 31 2e 32 00 01 6d c3 8f ff ff ff 7f")))
                .isEqualTo(StatusCode.BAD_REQUEST); // OPAQUE of 4 GB
        assertThat(wbxmlStatus(TestFiles.hex("03 11 6a 00 c9 08 03 31 2e 32 00 01 6d 83 7f 01 01")))
                .isEqualTo(StatusCode.BAD_REQUEST); // STR_T outside the string table
    }

    @Test
    void unsupportedVersionsAre505() {
        assertThat(xmlStatus(ENV_HEAD.replace("WV-CSP1.2", "IMPS-CSP1.3") + "<Polling-Request/>" + ENV_TAIL))
                .isEqualTo(StatusCode.VERSION_NOT_SUPPORTED);
        assertThat(xmlStatus(ENV_HEAD.replace("http://www.openmobilealliance.org/DTD/WV-CSP1.2",
                "http://www.wireless-village.org/CSP1.0") + "<Polling-Request/>" + ENV_TAIL))
                .isEqualTo(StatusCode.VERSION_NOT_SUPPORTED);
        assertThat(wbxmlStatus(TestFiles.hex("03 0f 6a 00 c9 05 03 31 2e 30 00 01 01"))).isEqualTo(StatusCode.VERSION_NOT_SUPPORTED);
        assertThat(wbxmlStatus(TestFiles.hex("03 01 6a 00 c9 08 03 31 2e 33 00 01 01"))).isEqualTo(StatusCode.VERSION_NOT_SUPPORTED);
    }

    @Test
    void wrongMediaIs415() {
        assertThat(wbxmlStatus(utf8("<?xml version=\"1.0\"?><WV-CSP-Message/>"))).isEqualTo(StatusCode.UNSUPPORTED_MEDIA_TYPE);
        assertThat(wbxmlStatus(TestFiles.hex("03 0f d3 6a 00 6d 01"))).isEqualTo(StatusCode.UNSUPPORTED_MEDIA_TYPE); // SyncML
        assertThat(wbxmlStatus(TestFiles.hex("03 11 83 e8 00 00 c9 01"))).isEqualTo(StatusCode.UNSUPPORTED_MEDIA_TYPE); // UTF-16
        assertThat(status(() -> WvCodec.xml().decode(TestFiles.bytes("golden/g1-login-request-1.1.wbxml"), WvLimits.DEFAULT)))
                .isEqualTo(StatusCode.UNSUPPORTED_MEDIA_TYPE);
    }

    @Test
    void aPrimitiveThisCodecDoesNotModelIs501() {
        assertThat(xmlStatus(ENV_HEAD + "<VerifyID-Request><UserID>wv:a@b</UserID></VerifyID-Request>" + ENV_TAIL))
                .isEqualTo(StatusCode.NOT_IMPLEMENTED);
    }

    @Test
    void vendorElementsAndAttributesAreIgnored() throws Exception {
        WvMessage m = xml(ENV_HEAD.replace("<Session>", "<Session xmlns:c=\"urn:c\" c:x=\"1\">")
                + "<UpdatePresence-Request><ColibriaExtensions><Foo>bar</Foo></ColibriaExtensions>"
                + "<PresenceSubList xmlns=\"http://www.openmobilealliance.org/DTD/WV-PA1.2\">"
                + "<ClientInfo><Qualifier>T</Qualifier><ClientTypeDetail xmlns=\"http://imps.colibria.com/PA-ext-1.2\">PC</ClientTypeDetail>"
                + "<ClientType>COMPUTER</ClientType></ClientInfo></PresenceSubList></UpdatePresence-Request>" + ENV_TAIL);
        assertThat(m.primitive()).isEqualTo(new UpdatePresenceRequest(PresenceSubList.of(ClientInfo.of("COMPUTER"))));
    }

    @Test
    void lenientValues() throws Exception {
        WvMessage m = xml(ENV_HEAD + "<SendMessage-Request><DeliveryReport> true </DeliveryReport><MessageInfo>"
                + "<ContentSize> 41 </ContentSize><Recipient><User><UserID>6yyy@movistar.es</UserID></User></Recipient>"
                + "</MessageInfo><ContentData><![CDATA[<b>hi</b>]]></ContentData></SendMessage-Request>" + ENV_TAIL);
        SendMessageRequest r = (SendMessageRequest) m.primitive();
        assertThat(r.deliveryReport()).isTrue();
        assertThat(r.messageInfo().contentSize()).isEqualTo(41);
        assertThat(r.messageInfo().recipient().users()).containsExactly(new User("6yyy@movistar.es"));
        assertThat(r.contentData()).isEqualTo("<b>hi</b>");
    }

    @Test
    void libwbxmlAndNokiaSpellingsAreBothAccepted() throws Exception {
        WvMessage a = xml(ENV_HEAD + "<SubscribePresence-Request><Auto-Subscribe>T</Auto-Subscribe></SubscribePresence-Request>" + ENV_TAIL);
        WvMessage b = xml(ENV_HEAD + "<SubscribePresence-Request><AutoSubscribe>T</AutoSubscribe></SubscribePresence-Request>" + ENV_TAIL);
        assertThat(a).isEqualTo(b);
        assertThat(((SubscribePresenceRequest) a.primitive()).autoSubscribe()).isTrue();
        WvMessage blockUser = xml(ENV_HEAD + "<BlockUser-Request><BlockList><InUse>T</InUse></BlockList></BlockUser-Request>" + ENV_TAIL);
        assertThat(blockUser.primitive()).isInstanceOf(BlockEntityRequest.class);
        assertThat(new String(WvCodec.xml().encode(a), StandardCharsets.UTF_8)).contains("<AutoSubscribe>T</AutoSubscribe>");
    }

    @Test
    void wbxmlIntegersAndDatesAsTextAndLiteralTagsAreAccepted() throws Exception {
        // KeepAlive-Request (01/1B) with TimeToLive (01/32) as STR_I "300", then a LITERAL vendor tag
        byte[] b = TestFiles.hex("03 11 6a 04 76 65 6e 00 c9 08 03 31 2e 32 00 01 6d 6e 70 80 11 01 01 72 74 76 80 20 01"
                + " 75 03 31 00 01 01 f3 0a 03 31 2e 32 00 01 00 01 5b 72 03 33 30 30 00 01 44 00 03 78 00 01 01 01 01 01 01");
        WvMessage m = WvCodec.wbxml().decode(b, WvLimits.DEFAULT);
        assertThat(m.primitive()).isEqualTo(new KeepAliveRequest(300));
    }

    /** A 60 KB string table referenced 30,000 times would expand to 1.8 GB of text: refused, not allocated. */
    @Test
    void stringTableReferencesCannotAmplify() {
        int tableLen = 60_000;
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        b.writeBytes(TestFiles.hex("03 11 6a 83 d4 60")); // string table of 60,000 bytes (mb_u_int32 83 d4 60)
        b.writeBytes(new byte[tableLen - 1]);
        b.write(0);
        b.writeBytes(TestFiles.hex("c9 08 03 31 2e 32 00 01 6d 6e 6f"));
        for (int i = 0; i < 30_000; i++) {
            b.writeBytes(TestFiles.hex("83 00"));
        }
        byte[] body = b.toByteArray();
        // fill the table with 'a' so each reference is 59,999 characters
        java.util.Arrays.fill(body, 6, 6 + tableLen - 1, (byte) 'a');
        WvLimits limits = new WvLimits(1 << 20, 32);
        assertThatThrownBy(() -> WvCodec.wbxml().decode(body, limits))
                .isInstanceOfSatisfying(WvDecodeException.class, e -> {
                    assertThat(e.status()).isEqualTo(StatusCode.BAD_REQUEST);
                    assertThat(e.reason()).contains("expands");
                });
    }

    /** 100,000 one-character pieces in one element are joined in linear time (this would take minutes if quadratic). */
    @Test
    void manyTextPiecesAreCheap() throws Exception {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        b.writeBytes(TestFiles.hex("03 11 6a 00 c9 08 03 31 2e 32 00 01 6d 6e 70 80 11 01 6f"));
        for (int i = 0; i < 100_000; i++) {
            b.writeBytes(TestFiles.hex("80 2c")); // EXT_T_0 "T"
        }
        b.writeBytes(TestFiles.hex("01 01 72 74 76 80 20 01 01 f3 0a 03 31 2e 32 00 01 00 01 22 01 01 01 01"));
        WvMessage m = WvCodec.wbxml().decode(b.toByteArray(), new WvLimits(1 << 20, 32));
        assertThat(m.session().sessionId()).hasSize(100_000);
        String doc = ENV_HEAD.replace("<SessionID>s</SessionID>", "<SessionID>" + "a<!---->".repeat(30_000) + "</SessionID>")
                + "<Polling-Request/>" + ENV_TAIL;
        assertThat(WvCodec.xml().decode(utf8(doc), new WvLimits(1 << 20, 32)).session().sessionId()).hasSize(30_000);
    }

    @Test
    void limitsAreValidated() {
        assertThatThrownBy(() -> new WvLimits(0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WvLimits(10, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WvLimits(10, WvLimits.MAX_DEPTH + 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
