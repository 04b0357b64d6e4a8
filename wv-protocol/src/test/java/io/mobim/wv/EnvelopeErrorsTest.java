package io.mobim.wv;

import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.wv.model.SendMessageRequest;
import io.mobim.wv.model.WvMessage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * What a client hears about a message the server cannot work with: the exact CSP status and reason,
 * in a fixed order (Session, SessionDescriptor, then the first failing transaction), and a syntax
 * error before any of them. Decoding binds elements to records as they end, so the order is held
 * on purpose; these reasons are what the handset shows and the endpoint logs.
 */
class EnvelopeErrorsTest {

    private static final String ROOT = "<WV-CSP-Message xmlns=\"http://www.openmobilealliance.org/DTD/WV-CSP1.2\">";
    private static final String SD = "<SessionDescriptor><SessionType>Inband</SessionType><SessionID>s</SessionID></SessionDescriptor>";
    private static final String TD = "<TransactionDescriptor><TransactionMode>Request</TransactionMode>"
            + "<TransactionID>1</TransactionID></TransactionDescriptor>";
    private static final String POLL = "<TransactionContent><Polling-Request/></TransactionContent>";

    private static String outcome(String xml) {
        try {
            WvMessage m = WvCodec.xml().decode(xml.getBytes(StandardCharsets.UTF_8), WvLimits.DEFAULT);
            return "ok " + m.transactions().size();
        } catch (WvDecodeException e) {
            return e.status().code() + " " + e.reason();
        }
    }

    private static String tx(String body) {
        return "<Transaction>" + body + "</Transaction>";
    }

    private static String doc(String session) {
        return ROOT + "<Session>" + session + "</Session></WV-CSP-Message>";
    }

    @Test
    void eachEnvelopeFaultHasItsReason() {
        assertThat(outcome(ROOT + "</WV-CSP-Message>")).isEqualTo("400 no Session");
        assertThat(outcome(doc(SD))).isEqualTo("400 no Transaction");
        assertThat(outcome(doc(SD.replace("Inband<", "Sideband<") + tx(TD + POLL)))).isEqualTo("400 bad SessionType");
        assertThat(outcome(doc(SD + tx(POLL)))).isEqualTo("400 no TransactionDescriptor");
        assertThat(outcome(doc(SD + tx(TD.replace("Request<", "Maybe<") + POLL))))
                .isEqualTo("400 missing or bad TransactionMode");
        assertThat(outcome(doc(SD + tx(TD.replace("</TransactionDescriptor>", "<Poll>perhaps</Poll></TransactionDescriptor>")
                + POLL)))).isEqualTo("400 bad boolean in Poll");
        assertThat(outcome(doc(SD + tx(TD)))).isEqualTo("400 no TransactionContent");
        assertThat(outcome(doc(SD + tx(TD + "<TransactionContent></TransactionContent>"))))
                .isEqualTo("400 empty TransactionContent");
        assertThat(outcome(doc(SD + tx(TD + "<TransactionContent><VerifyID-Request/></TransactionContent>"))))
                .isEqualTo("501 primitive VerifyID-Request is not supported");
        assertThat(outcome(doc(SD + tx(TD + "<TransactionContent><KeepAlive-Request><TimeToLive>12x</TimeToLive>"
                + "</KeepAlive-Request></TransactionContent>")))).isEqualTo("400 bad integer in TimeToLive");
    }

    @Test
    void theFirstFaultInServerOrderWins() {
        // the descriptor is judged before the transactions, wherever it stands in the document
        assertThat(outcome(doc(tx(POLL) + SD.replace("Inband<", "Sideband<")))).isEqualTo("400 bad SessionType");
        // the first failing transaction, and within it the descriptor before the content
        assertThat(outcome(doc(SD + tx(TD + POLL) + tx(POLL) + tx(TD.replace("Request<", "Maybe<") + POLL))))
                .isEqualTo("400 no TransactionDescriptor");
        assertThat(outcome(doc(SD + tx("<TransactionContent><KeepAlive-Request><TimeToLive>x</TimeToLive>"
                + "</KeepAlive-Request></TransactionContent>" + TD.replace("Request<", "Maybe<")))))
                .isEqualTo("400 missing or bad TransactionMode");
        // within a primitive, the first bad value in document order
        String info = "<TransactionContent><SendMessage-Request><MessageInfo><ContentSize>x</ContentSize>"
                + "<Validity>y</Validity></MessageInfo></SendMessage-Request></TransactionContent>";
        assertThat(outcome(doc(SD + tx(TD + info)))).isEqualTo("400 bad integer in ContentSize");
        assertThat(outcome(doc(SD + tx(TD + info.replace("<ContentSize>x</ContentSize>", "")
                .replace("</Validity>", "</Validity><ContentSize>x</ContentSize>"))))).isEqualTo("400 bad integer in Validity");
        // only the first primitive of a transaction counts, the first Session, the first descriptor's values
        assertThat(outcome(doc(SD + tx(TD + "<TransactionContent><Polling-Request/><KeepAlive-Request>"
                + "<TimeToLive>x</TimeToLive></KeepAlive-Request></TransactionContent>")))).isEqualTo("ok 1");
        assertThat(outcome(ROOT + "<Session>" + SD + tx(TD + POLL) + "</Session><Session></Session></WV-CSP-Message>"))
                .isEqualTo("ok 1");
    }

    @Test
    void aSyntaxErrorComesBeforeAnEnvelopeFault() throws Exception {
        WvMessage m = Samples.message(CspVersion.V1_2, Samples.full(SendMessageRequest.class));
        byte[] wbxml = WvCodec.wbxml().encode(m);
        String hex = HexFormat.of().formatHex(wbxml);
        int mode = hex.indexOf("768020"); // TransactionMode, EXT_T_0 "Request"
        assertThat(mode).isPositive();
        byte[] badMode = HexFormat.of().parseHex(hex.substring(0, mode) + "76802c" + hex.substring(mode + 6));
        assertThat(reason(badMode)).isEqualTo("400 missing or bad TransactionMode");
        assertThat(reason(Arrays.copyOf(badMode, badMode.length - 3))).isEqualTo("400 truncated WBXML: unclosed elements");
        String xml = new String(WvCodec.xml().encode(m), StandardCharsets.UTF_8).replace(">Request<", ">Maybe<");
        assertThat(outcome(xml)).isEqualTo("400 missing or bad TransactionMode");
        assertThat(outcome(xml.substring(0, xml.length() - 20))).startsWith("400 malformed XML: ");
    }

    private static String reason(byte[] wbxml) {
        try {
            WvCodec.wbxml().decode(wbxml, WvLimits.DEFAULT);
            return "ok";
        } catch (WvDecodeException e) {
            return e.status().code() + " " + e.reason();
        }
    }
}
