package io.mobim.wv;

import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.wv.model.WvMessage;
import io.mobim.wv.wbxml.WbxmlEncoder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Interoperability with libwbxml 0.11.8 (Debian {@code libwbxml2-utils}), which CI machines do not
 * have: the vectors in {@code interop/} were made once by hand and committed.
 * <ul>
 * <li>{@code *.libwbxml-encoded.wbxml}: {@code xml2wbxml -o out.wbxml in.xml} of the golden XML
 * (a DOCTYPE added, which libwbxml needs to pick the language). libwbxml writes no xmlns attributes,
 * tokenises values, and for CSP 1.2 writes the public id as a string-table reference.</li>
 * <li>{@code *.libwbxml-decoded.xml}: {@code wbxml2xml -o out.xml golden/x.wbxml}, i.e. libwbxml
 * reading our WBXML. For CSP 1.2 libwbxml rejects the numeric public id 0x11 that handsets use, so
 * the 1.2 files were made from {@code encode --string-public-id} output
 * ({@code *.string-public-id.wbxml}).</li>
 * </ul>
 */
class InteropTest {

    private static WvMessage golden(String name) throws WvDecodeException {
        return WvCodec.xml().decode(TestFiles.bytes("golden/" + name + ".xml"), WvLimits.DEFAULT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"g1-login-request-1.1", "g2-send-message-1.2", "g3-polling-request-1.2",
            "g3-new-message-1.1", "g4-get-presence-request-1.1", "g4-get-presence-response-1.1",
            "g5-list-manage-add-request-1.1", "g5-list-manage-add-response-1.1",
            "g5-list-manage-remove-request-1.1", "g5-list-manage-remove-response-1.1",
            "status-detailed-result-1.1", "service-request-doctype-pretty-1.1"})
    void weReadLibwbxmlAndItReadsUs(String name) throws Exception {
        WvMessage expected = golden(name);
        assertThat(WvCodec.wbxml().decode(TestFiles.bytes("interop/" + name + ".libwbxml-encoded.wbxml"),
                WvLimits.DEFAULT)).as("our decoder on libwbxml's WBXML").isEqualTo(expected);
        assertThat(WvCodec.xml().decode(TestFiles.bytes("interop/" + name + ".libwbxml-decoded.xml"),
                WvLimits.DEFAULT)).as("libwbxml's reading of our WBXML").isEqualTo(expected);
        if (name.endsWith("1.2")) {
            byte[] stringPid = TestFiles.bytes("interop/" + name + ".string-public-id.wbxml");
            assertThat(WbxmlEncoder.STRING_PUBLIC_ID.encode(expected)).isEqualTo(stringPid);
            assertThat(WvCodec.wbxml().decode(stringPid, WvLimits.DEFAULT)).isEqualTo(expected);
        }
    }
}
