package io.mobim.wv;

import io.mobim.wv.model.WvMessage;
import io.mobim.wv.wbxml.WbxmlDecoder;
import io.mobim.wv.wbxml.WbxmlEncoder;
import io.mobim.wv.xml.XmlDecoder;
import io.mobim.wv.xml.XmlEncoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The entry point: one codec per HTTP content type.
 *
 * <pre>{@code
 * WvCodec codec = WvCodec.forContentType(request.contentType());   // null: answer 415
 * WvMessage in = codec.decode(body, WvLimits.DEFAULT);             // WvDecodeException: answer its status
 * byte[] out = codec.encode(answer);                               // in answer.version()
 * }</pre>
 *
 * Both codecs are stateless and thread-safe. Decoding never throws anything but
 * {@link WvDecodeException}; encoding throws {@link IllegalArgumentException} only for a model
 * that cannot be written (an open-content element name unknown to CSP).
 */
public abstract sealed class WvCodec {

    /** {@code application/vnd.wv.csp.xml} */
    public static final String XML_CONTENT_TYPE = "application/vnd.wv.csp.xml";
    /** {@code application/vnd.wv.csp.wbxml} */
    public static final String WBXML_CONTENT_TYPE = "application/vnd.wv.csp.wbxml";

    private static final WvCodec XML = new Xml();
    private static final WvCodec WBXML = new Wbxml();

    private WvCodec() {
    }

    /** The XML codec. */
    public static WvCodec xml() {
        return XML;
    }

    /** The WBXML codec. */
    public static WvCodec wbxml() {
        return WBXML;
    }

    /**
     * The codec for an HTTP Content-Type (parameters and case ignored; the IMPS 1.3 {@code +xml}
     * spellings accepted), or {@code null} if it is neither.
     */
    public static WvCodec forContentType(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semi = contentType.indexOf(';');
        String t = (semi >= 0 ? contentType.substring(0, semi) : contentType).trim();
        if (t.equalsIgnoreCase(WBXML_CONTENT_TYPE) || t.equalsIgnoreCase("application/vnd.wv.csp+wbxml")) {
            return WBXML;
        }
        if (t.equalsIgnoreCase(XML_CONTENT_TYPE) || t.equalsIgnoreCase("application/vnd.wv.csp+xml")) {
            return XML;
        }
        return null;
    }

    /** The Content-Type to answer with. */
    public abstract String contentType();

    /** Decodes a whole body. */
    public abstract WvMessage decode(byte[] body, WvLimits limits) throws WvDecodeException;

    /** Reads at most {@code limits.maxBytes()} from the stream (not closed) and decodes them. */
    public WvMessage decode(InputStream in, WvLimits limits) throws WvDecodeException {
        return decode(readBounded(in, limits.maxBytes()), limits);
    }

    /** Encodes in the message's version. */
    public byte[] encode(WvMessage message) {
        return encode(message, message.version());
    }

    /** Encodes in {@code version}. */
    public abstract byte[] encode(WvMessage message, CspVersion version);

    static byte[] readBounded(InputStream in, int max) throws WvDecodeException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(max, 8192));
        byte[] buf = new byte[8192];
        long total = 0;
        try {
            int n;
            while ((n = in.read(buf, 0, (int) Math.min(buf.length, (long) max + 1 - total))) > 0) {
                total += n;
                if (total > max) {
                    throw WvDecodeException.badRequest("message exceeds the limit of " + max + " bytes");
                }
                out.write(buf, 0, n);
                if (total == (long) max + 1) {
                    break;
                }
            }
        } catch (IOException e) {
            throw WvDecodeException.badRequest("could not read the body: " + e.getClass().getSimpleName());
        }
        return out.toByteArray();
    }

    private static final class Xml extends WvCodec {
        @Override
        public String contentType() {
            return XML_CONTENT_TYPE;
        }

        @Override
        public WvMessage decode(byte[] body, WvLimits limits) throws WvDecodeException {
            return new XmlDecoder(limits).decode(body);
        }

        @Override
        public byte[] encode(WvMessage message, CspVersion version) {
            return XmlEncoder.INSTANCE.encode(message, version);
        }

        @Override
        public String toString() {
            return "WvCodec[xml]";
        }
    }

    private static final class Wbxml extends WvCodec {
        @Override
        public String contentType() {
            return WBXML_CONTENT_TYPE;
        }

        @Override
        public WvMessage decode(byte[] body, WvLimits limits) throws WvDecodeException {
            return new WbxmlDecoder(limits).decode(body);
        }

        @Override
        public byte[] encode(WvMessage message, CspVersion version) {
            return WbxmlEncoder.INSTANCE.encode(message, version);
        }

        @Override
        public String toString() {
            return "WvCodec[wbxml]";
        }
    }
}
