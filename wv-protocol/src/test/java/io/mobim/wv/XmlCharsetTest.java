package io.mobim.wv;

import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.wv.model.SendMessageRequest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The XML decoder honours the document's encoding: declared, by byte order mark, or UTF-8 by default. */
class XmlCharsetTest {

    private static final String DOC = "<WV-CSP-Message xmlns=\"http://www.openmobilealliance.org/DTD/WV-CSP1.2\"><Session>"
            + "<SessionDescriptor><SessionType>Inband</SessionType><SessionID>s</SessionID></SessionDescriptor><Transaction>"
            + "<TransactionDescriptor><TransactionMode>Request</TransactionMode><TransactionID>1</TransactionID>"
            + "</TransactionDescriptor><TransactionContent xmlns=\"http://www.openmobilealliance.org/DTD/WV-TRC1.2\">"
            + "<SendMessage-Request><ContentData>caf\u00e9 \u20ac</ContentData></SendMessage-Request>"
            + "</TransactionContent></Transaction></Session></WV-CSP-Message>";

    private static String content(byte[] b) throws WvDecodeException {
        return ((SendMessageRequest) WvCodec.xml().decode(b, WvLimits.DEFAULT).primitive()).contentData();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @Test
    void utf8WithAndWithoutDeclarationAndBom() throws Exception {
        assertThat(content(DOC.getBytes(StandardCharsets.UTF_8))).isEqualTo("caf\u00e9 \u20ac");
        assertThat(content(("<?xml version=\"1.0\" encoding='utf-8'?>" + DOC).getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("caf\u00e9 \u20ac");
        assertThat(content(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, DOC.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("caf\u00e9 \u20ac");
    }

    @Test
    void declaredLatin1AndUtf16() throws Exception {
        String latin = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + DOC.replace(" \u20ac", "");
        assertThat(content(latin.getBytes(StandardCharsets.ISO_8859_1))).isEqualTo("caf\u00e9");
        byte[] utf16 = ("<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + DOC).getBytes(Charset.forName("UTF-16"));
        assertThat(content(utf16)).isEqualTo("caf\u00e9 \u20ac");
    }
}
