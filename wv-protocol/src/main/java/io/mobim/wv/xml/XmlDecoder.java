package io.mobim.wv.xml;

import io.mobim.wv.CspVersion;
import io.mobim.wv.StatusCode;
import io.mobim.wv.WvDecodeException;
import io.mobim.wv.WvLimits;
import io.mobim.wv.bind.Binder;
import io.mobim.wv.bind.Assembler;
import io.mobim.wv.bind.TagTable;
import io.mobim.wv.model.WvMessage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads CSP XML: UTF-8 documents in the plain form clients send straight from their bytes into the records
 * ({@link PlainXmlReader}), other UTF-8 documents without DOCTYPE, comments, CDATA or prefixes from their bytes too
 * ({@link XmlScanner}), everything else (other charsets, DOCTYPEs, comments, CDATA, prefixes,
 * malformed input) with the JDK's StAX parser, which then also gives the error. DTD processing
 * and external entities are off: a DOCTYPE is accepted (its public identifier even tells the version when the namespace is missing)
 * but never fetched nor expanded, and an entity it would declare is an error. The version comes
 * from the {@code WV-CSP-Message} namespace. Elements this codec does not know (vendor extensions)
 * are skipped with their subtree; unknown attributes are ignored.
 *
 * <p>Holds only its limits: thread-safe.
 */
public final class XmlDecoder {

    /**
     * Idle factories, each set to reuse its reader: creating a JDK StAX reader allocates its buffers
     * and a fresh symbol table (interning every element name), which costs more than parsing a CSP
     * message. A decode borrows a factory and gives it back, so this works the same on platform and
     * virtual threads (a ThreadLocal would not survive one-request virtual threads).
     * {@code reuse-instance} is a property of the JDK's built-in implementation.
     */
    private static final ArrayBlockingQueue<XMLInputFactory> IDLE = new ArrayBlockingQueue<>(64);

    private final WvLimits limits;

    public XmlDecoder(WvLimits limits) {
        if (limits == null) {
            throw new IllegalArgumentException("limits");
        }
        this.limits = limits;
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, Boolean.TRUE);
        f.setProperty(XMLInputFactory.IS_COALESCING, Boolean.TRUE);
        f.setXMLResolver((publicId, systemId, base, ns) -> {
            throw new XMLStreamException("external resources are not fetched");
        });
        try {
            f.setProperty("reuse-instance", Boolean.TRUE);
        } catch (IllegalArgumentException notTheJdkImplementation) {
            // fine: a new reader per message
        }
        return f;
    }

    public WvMessage decode(byte[] body) throws WvDecodeException {
        return decode(body, 0, body.length);
    }

    public WvMessage decode(byte[] body, int offset, int length) throws WvDecodeException {
        return decode(body, offset, length, true);
    }

    /** The StAX path alone, for tests that hold the fast path to the same results. */
    WvMessage decodeWithStax(byte[] body) throws WvDecodeException {
        return decode(body, 0, body.length, false);
    }

    private WvMessage decode(byte[] body, int offset, int length, boolean fast) throws WvDecodeException {
        if (length > limits.maxBytes()) {
            throw WvDecodeException.badRequest("message of " + length + " bytes exceeds the limit of " + limits.maxBytes());
        }
        if (length == 0) {
            throw WvDecodeException.badRequest("empty body");
        }
        int first = body[offset];
        if (first >= 0x01 && first <= 0x03 || first == 0x00 && (length < 2 || body[offset + 1] != '<')) {
            // a WBXML version byte: no XML document starts so (UTF-16BE without BOM starts 00 3C)
            throw new WvDecodeException(StatusCode.UNSUPPORTED_MEDIA_TYPE, "WBXML body where XML was expected");
        }
        int bom = length >= 3 && body[offset] == (byte) 0xEF && body[offset + 1] == (byte) 0xBB
                && body[offset + 2] == (byte) 0xBF ? 3 : 0;
        boolean utf8 = isUtf8(body, offset + bom, length - bom);
        if (utf8 && fast) {
            WvMessage m = PlainXmlReader.read(body, offset + bom, offset + length, limits.maxDepth());
            if (m != null) {
                return m;
            }
            XmlScanner scanner = XmlScanner.forThread(body, offset + bom, offset + length, limits.maxDepth());
            if (scanner.scan()) {
                return scanner.assembler().finish(version(scanner.rootNs, scanner.trcNs, null));
            }
        }
        XMLInputFactory factory = IDLE.poll();
        if (factory == null) {
            factory = factory();
        }
        XMLStreamReader r = null;
        try {
            if (utf8) {
                // hand the parser characters: it then skips its encoding detection and reader set-up
                r = factory.createXMLStreamReader(
                        new StringReader(new String(body, offset + bom, length - bom, StandardCharsets.UTF_8)));
            } else {
                r = factory.createXMLStreamReader(new ByteArrayInputStream(body, offset, length));
            }
            return read(r);
        } catch (XMLStreamException e) {
            throw WvDecodeException.badRequest("malformed XML: " + firstLine(e.getMessage()));
        } catch (RuntimeException e) {
            throw WvDecodeException.badRequest("malformed XML: " + e.getClass().getSimpleName());
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException | RuntimeException ignored) {
                    // nothing to release
                }
            }
            IDLE.offer(factory); // dropped when 64 are already idle
        }
    }

    private WvMessage read(XMLStreamReader r) throws XMLStreamException, WvDecodeException {
        int maxDepth = limits.maxDepth();
        Assembler into = new Assembler(true);
        int depth = 0;
        int skip = 0;
        boolean root = false;
        String rootNs = null;
        String trcNs = null;
        String dtd = null;
        while (r.hasNext()) {
            switch (r.next()) {
                case XMLStreamConstants.START_ELEMENT -> {
                    if (depth >= maxDepth) {
                        throw WvDecodeException.badRequest("elements nested deeper than " + maxDepth);
                    }
                    if (skip > 0) {
                        skip++;
                        depth++;
                        break;
                    }
                    int tag = TagTable.id(r.getLocalName());
                    if (depth == 0) {
                        if (tag != Binder.WV_CSP_MESSAGE) {
                            throw new WvDecodeException(StatusCode.BAD_REQUEST, "root element is not WV-CSP-Message");
                        }
                        rootNs = r.getNamespaceURI();
                    }
                    if (tag < 0) {
                        skip = 1;
                        depth++;
                        break;
                    }
                    into.start(tag);
                    root = true;
                    depth++;
                    if (tag == Binder.TRANSACTION_CONTENT && trcNs == null) {
                        trcNs = r.getNamespaceURI();
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    depth--;
                    if (skip > 0) {
                        skip--;
                    } else {
                        into.end();
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (skip == 0 && depth > 0) {
                        into.text(r.getText());
                    }
                }
                case XMLStreamConstants.DTD -> dtd = r.getText();
                case XMLStreamConstants.ENTITY_REFERENCE ->
                        throw WvDecodeException.badRequest("entity references are not supported");
                default -> {
                    // comments, processing instructions, document start/end
                }
            }
        }
        if (!root) {
            throw WvDecodeException.badRequest("no root element");
        }
        return into.finish(version(rootNs, trcNs, dtd));
    }

    private static CspVersion version(String rootNs, String trcNs, String dtd) throws WvDecodeException {
        CspVersion v = CspVersion.ofCspNamespace(rootNs);
        if (v != null) {
            return v;
        }
        if (rootNs != null && !rootNs.isEmpty()) {
            if (rootNs.contains("wireless-village.org") || rootNs.contains("openmobilealliance.org")) {
                throw new WvDecodeException(StatusCode.VERSION_NOT_SUPPORTED, "CSP namespace " + rootNs + " is not 1.1 or 1.2");
            }
            throw WvDecodeException.badRequest("unknown namespace on WV-CSP-Message");
        }
        if (dtd != null) {
            if (dtd.contains("CSP 1.2")) {
                return CspVersion.V1_2;
            }
            if (dtd.contains("CSP 1.1")) {
                return CspVersion.V1_1;
            }
            if (dtd.contains("CSP 1.")) {
                throw new WvDecodeException(StatusCode.VERSION_NOT_SUPPORTED, "CSP version of the DOCTYPE is not 1.1 or 1.2");
            }
        }
        if (trcNs != null) {
            if (trcNs.endsWith("TRC1.2")) {
                return CspVersion.V1_2;
            }
            if (trcNs.endsWith("TRC1.1")) {
                return CspVersion.V1_1;
            }
        }
        throw WvDecodeException.badRequest("no CSP namespace on WV-CSP-Message");
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int i = s.lastIndexOf("\nMessage: ");
        String m = i >= 0 ? s.substring(i + 10) : s;
        int nl = m.indexOf('\n');
        m = nl >= 0 ? m.substring(0, nl) : m;
        return m.length() > 200 ? m.substring(0, 200) : m;
    }

    /**
     * True if the document is UTF-8 by the XML rules: it starts with {@code <} or blank (not a
     * UTF-16 byte order mark or a 00 byte), and an XML declaration, if any, names no other encoding.
     */
    private static final byte[] USUAL_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            .getBytes(StandardCharsets.US_ASCII);

    static boolean isUtf8(byte[] b, int off, int len) {
        if (len == 0) {
            return false;
        }
        int c = b[off] & 0xFF;
        if (c != '<' && c != ' ' && c != '\t' && c != '\n' && c != '\r') {
            return false;
        }
        if (len < 5 || b[off] != '<' || b[off + 1] != '?' || b[off + 2] != 'x' || b[off + 3] != 'm' || b[off + 4] != 'l') {
            return true;
        }
        if (len >= USUAL_DECLARATION.length
                && Arrays.equals(b, off, off + USUAL_DECLARATION.length, USUAL_DECLARATION, 0, USUAL_DECLARATION.length)) {
            return true; // the declaration handsets send, and the encoder writes: no Strings to read it
        }
        int end = Math.min(off + len, off + 256);
        int close = -1;
        for (int i = off + 5; i + 1 < end; i++) {
            if (b[i] == '?' && b[i + 1] == '>') {
                close = i;
                break;
            }
        }
        if (close < 0) {
            return false;
        }
        String decl = new String(b, off, close - off, StandardCharsets.ISO_8859_1);
        int e = decl.indexOf("encoding");
        if (e < 0) {
            return true;
        }
        int q = e + 8;
        while (q < decl.length() && (decl.charAt(q) == ' ' || decl.charAt(q) == '=')) {
            q++;
        }
        if (q >= decl.length()) {
            return false;
        }
        char quote = decl.charAt(q);
        int qe = decl.indexOf(quote, q + 1);
        if (qe < 0) {
            return false;
        }
        String enc = decl.substring(q + 1, qe);
        return enc.equalsIgnoreCase("UTF-8") || enc.equalsIgnoreCase("UTF8");
    }
}
