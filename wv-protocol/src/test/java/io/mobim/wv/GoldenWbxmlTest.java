package io.mobim.wv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mobim.wv.model.*;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * WBXML golden vectors.
 *
 * <p>Byte-exact pairs ({@code golden/*.wbxml}): each is what this encoder writes for the XML file of
 * the same name; they were produced with {@code java -jar wv-protocol.jar encode < x.xml > x.wbxml}
 * and checked independently by decoding them with libwbxml 0.11.8 ({@code wbxml2xml}, Debian
 * {@code libwbxml2-utils}), whose output is kept in {@code interop/} and checked by {@link InteropTest}.
 * The test asserts both directions: XML model encodes to exactly these bytes, and these bytes
 * decode to the XML model.
 *
 * <p>Handset vectors: byte arrays from AOSP {@code libwbxml/test/imps_parser_test.cpp}
 * (Apache-2.0, Esmertec/Google), i.e. what a real IMPS server and client put on the wire.
 */
class GoldenWbxmlTest {

    @ParameterizedTest
    @ValueSource(strings = {"g1-login-request-1.1", "g2-send-message-1.2", "g3-polling-request-1.2",
            "g3-new-message-1.1", "g4-get-presence-request-1.1", "g4-get-presence-response-1.1",
            "g5-list-manage-add-request-1.1", "g5-list-manage-add-response-1.1",
            "g5-list-manage-remove-request-1.1", "g5-list-manage-remove-response-1.1",
            "status-detailed-result-1.1", "service-request-doctype-pretty-1.1"})
    void bytePairs(String name) throws Exception {
        WvMessage fromXml = WvCodec.xml().decode(TestFiles.bytes("golden/" + name + ".xml"), WvLimits.DEFAULT);
        byte[] wbxml = TestFiles.bytes("golden/" + name + ".wbxml");
        assertThat(WvCodec.wbxml().encode(fromXml)).isEqualTo(wbxml);
        assertThat(WvCodec.wbxml().decode(wbxml, WvLimits.DEFAULT)).isEqualTo(fromXml);
    }

    @Test
    void loginRequestBytesAreThoseOfAHandset() throws Exception {
        WvMessage g1 = WvCodec.xml().decode(TestFiles.bytes("golden/g1-login-request-1.1.xml"), WvLimits.DEFAULT);
        byte[] b = WvCodec.wbxml().encode(g1);
        // header, root with xmlns token 05 + "1.1", Session, SessionDescriptor, SessionType EXT_T_0 Outband
        assertThat(b).startsWith(TestFiles.hex("03 10 6A 00 C9 05 03 31 2E 31 00 01 6D 6E 70 80 19 01 01"));
        // TimeToLive 120 as OPAQUE
        assertThat(new String(b, java.nio.charset.StandardCharsets.ISO_8859_1))
                .contains(new String(TestFiles.hex("72 C3 01 78 01"), java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    @Test
    void codeAndDateTimeAreOpaque() throws Exception {
        WvMessage m = Samples.message(CspVersion.V1_2, new DeliveryReportRequest(Result.of(401, null),
                "20010925T165859Z", null));
        String b = new String(WvCodec.wbxml().encode(m), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(b).contains(latin1("4B C3 02 01 91 01")); // <Code>401</Code>, reference 10.2
        assertThat(b).contains(latin1("C3 06 1F 46 73 0E BB 5A")); // 20010925T165859Z, reference 10.2
        assertThat(WvCodec.wbxml().decode(b.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), WvLimits.DEFAULT))
                .isEqualTo(m);
    }

    private static String latin1(String hex) {
        return new String(TestFiles.hex(hex), java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** AOSP loginresponse_wbxml: a real 401 digest challenge; Code as STR_I "401", ClientID as bare text. */
    @Test
    void esmertecDigestChallenge() throws Exception {
        byte[] b = TestFiles.hex("""
                03 10 6a 00 c9 05 03 31 2e 31 00 01 6d 6e 70 80 19 01 01 72 74 76 80 21
                01 75 03 74 72 61 6e 73 49 64 31 00 01 01 f3 07 03 31 2e 31 00 01 00 01
                5e 00 00 4a 03 45 73 6d 65 72 74 65 63 31 31 32 32 33 33 00 01 6a 4b 03
                34 30 31 00 01 52 03 50 6c 65 61 73 65 20 63 6f 6d 70 6c 65 74 65 20 61
                75 74 68 65 6e 74 69 63 61 74 69 6f 6e 20 63 68 61 6c 6c 65 6e 67 65 00
                01 01 00 01 60 03 65 36 62 36 38 65 62 64 38 31 33 30 39 64 35 33 38 33
                35 37 65 33 39 65 32 66 62 61 33 32 30 34 00 01 4f 03 4d 44 35 00 01 4b
                80 0b 01 01 01 01 01 01""");
        WvMessage m = WvCodec.wbxml().decode(b, WvLimits.DEFAULT);
        assertThat(m).isEqualTo(WvMessage.of(CspVersion.V1_1, SessionDescriptor.outband(),
                Transaction.response("transId1", new LoginResponse(new ClientId("Esmertec112233", null),
                        Result.of(401, "Please complete authentication challenge"), null, null, false,
                        "e6b68ebd81309d538357e39e2fba3204", "MD5"))));
        assertThat(((LoginResponse) m.primitive()).result().status()).isEqualTo(StatusCode.UNAUTHORIZED);
    }

    /**
     * AOSP sendmsgreq1_wbxml: public id 0x10 but xmlns "1.2" (the xmlns wins), DateTime as STR_I,
     * ContentSize as OPAQUE, MessageInfo children out of DTD order, a character ENTITY (U+00A0).
     */
    @Test
    void aospSendMessage() throws Exception {
        byte[] b = TestFiles.hex("""
                03 10 6a 00 c9 08 03 31 2e 32 00 01 6d 6e 70 80 11 01 6f 03 41 41 30 42
                44 37 36 32 2e 30 30 30 30 30 30 30 30 2e 74 65 73 74 31 00 01 01 72 74
                76 80 20 01 75 03 74 72 61 6e 73 49 64 38 00 01 01 f3 0a 03 31 2e 32 00
                01 00 06 57 48 80 2c 01 53 00 00 67 79 7a 03 77 76 3a 74 65 73 74 32 00
                01 01 01 6c 79 7a 03 77 76 3a 74 65 73 74 31 00 01 01 01 51 03 32 30 30
                37 30 36 32 35 54 30 35 35 36 35 32 5a 00 01 4f c3 01 05 01 01 4d 03 54
                6f 64 61 79 20 00 02 81 20 03 54 6f 64 61 79 00 01 01 01 01 01 01""");
        WvMessage m = WvCodec.wbxml().decode(b, WvLimits.DEFAULT);
        assertThat(m).isEqualTo(WvMessage.of(CspVersion.V1_2, SessionDescriptor.inband("AA0BD762.00000000.test1"),
                Transaction.request("transId8", new SendMessageRequest(true,
                        new MessageInfo(null, null, null, null, 5,
                                new Recipient(List.of(new User("wv:test2")), List.of(), List.of()),
                                new Sender(new User("wv:test1"), null), null, "20070625T055652Z", null),
                        "Today \u00a0Today"))));
    }

    /** AOSP cap_request_wbxml: integers OPAQUE, value tokens including IMPS 1.3 ones (SHTTP 0xA5, SSMS 0xA4). */
    @Test
    void aospClientCapabilityRequest() throws Exception {
        byte[] b = TestFiles.hex("""
                03 11 6a 00 c9 08 03 31 2e 32 00 01 6d 6e 70 80 11 01 6f 03 31 39 36 46
                45 37 31 37 2e 30 30 30 30 30 30 30 30 2e 74 65 73 74 31 00 01 01 72 74
                76 80 20 01 75 03 74 72 61 6e 73 49 64 32 00 01 01 f3 0a 03 31 2e 32 00
                01 00 01 4c 4a 00 05 4f 80 6f 01 00 03 4d c3 02 7f ff 01 4c c3 01 01 01
                4b 80 1f 01 4e c3 01 02 01 4f 80 42 01 50 80 44 01 50 80 81 25 01 50 80
                81 24 01 01 01 01 01 01 01""");
        ClientCapabilityRequest r = (ClientCapabilityRequest) WvCodec.wbxml().decode(b, WvLimits.DEFAULT).primitive();
        assertThat(r.capabilityList()).isEqualTo(new CapabilityList("MOBILE_PHONE", "P", List.of(), List.of(),
                List.of(), null, null, List.of("HTTP"), 1, 32767, List.of("STCP", "SHTTP", "SSMS"), null, null, null, 2,
                null));
    }

    /** AOSP statusprim_wbxml is IMPS 1.3 (public id 0x12): not spoken here. */
    @Test
    void imps13IsVersionNotSupported() {
        byte[] b = TestFiles.hex("03 12 6a 00 c9 0b 03 31 2e 33 00 01 6d 6e 70 80 11 01 01 01 01");
        assertThatThrownBy(() -> WvCodec.wbxml().decode(b, WvLimits.DEFAULT))
                .isInstanceOfSatisfying(WvDecodeException.class,
                        e -> assertThat(e.status()).isEqualTo(StatusCode.VERSION_NOT_SUPPORTED));
    }

    /** AOSP hostile vectors: unterminated STR_I, a code point above U+10FFFF, LITERAL tags only. */
    @ParameterizedTest
    @ValueSource(strings = {
            "03 10 6a 00 c9 05 03 31 2e 31 00 01 6d 6e 70 03 44 55 66 01 01 01 01",
            "03 10 6a 00 c9 05 03 31 2e 31 00 01 6d 6e 70 02 c4 80 00 01 01 01 01",
            "03 10 6a 00 c9 05 03 31 2e 31 00 01 6d 6e 70 02 c3 ff 7f 01 01 01 01",
            "03 10 6a 00 c9 05 03 31 2e 31 00 01 01",
            "03 10 6a 00 89 05 03 31 2e 31 00 01",
            "03 10 6a 29 73 6f 6d 65 74 61 67 00 73 6f 6d 65 4d 6f 72 65 54 61 67 00 6d 65 74 61 67 00 61 74 74 72 00"
                    + " 74 61 67 00 6d 6f 76 69 65 00 c9 05 03 31 2e 31 00 01 44 00 6d 04 08 01 01 84 14 04 1a 83 00 01"
                    + " 84 1f 04 23 03 74 72 61 6e 73 66 6f 72 6d 65 72 00 01 01"})
    void aospBadVectorsAreBadRequests(String hex) {
        assertThatThrownBy(() -> WvCodec.wbxml().decode(TestFiles.hex(hex), WvLimits.DEFAULT))
                .isInstanceOfSatisfying(WvDecodeException.class,
                        e -> assertThat(e.status()).isEqualTo(StatusCode.BAD_REQUEST));
    }
}
