package io.mobim.platform.wv.cir;

import io.mobim.events.sms.SmsMt;
import io.mobim.wv.CspVersion;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * What a wake says: the line {@code WVCI <CSP version> <SessionCookie>} (clients check the cookie they sent at login),
 * as it is, on a standing TCP connection or in a plain SMS, or inside a WAP push (WSP Push PDU, WAP-230 §8.2.4.1;
 * content type application/vnd.wv.csp.cir, application id x-wap-application:wv.ua) to the WAP push port.
 */
final class CirMessages {

    /** Request ids of wake SMS: the gateway's outcome for them concerns no delivery. */
    static final String REQUEST_PREFIX = "cir-";
    /** WDP ports of a connectionless WAP push (WAP-259): to the handset's push port, from the push initiator's. */
    static final int WAP_PUSH_PORT = 2948;
    static final int WAP_PUSH_SOURCE_PORT = 9200;
    /** WSP well-known values: content type application/vnd.wv.csp.cir, header X-Wap-Application-Id, app id wv.ua. */
    private static final int CONTENT_TYPE_CIR = 0x46;
    private static final int HEADER_APPLICATION_ID = 0x2F;
    private static final int APPLICATION_WV_UA = 0x0A;
    private static final int PDU_PUSH = 0x06;

    private CirMessages() {
    }

    /** The WVCI line, without its line end. */
    static String line(CspVersion version, String sessionCookie) {
        return sessionCookie == null || sessionCookie.isBlank() ? "WVCI " + version.label() : "WVCI " + version.label() + " " + sessionCookie;
    }

    /** The WAP push carrying {@code line}: a WSP Push PDU with its content type and application id. */
    static byte[] wapPush(String line) {
        ByteArrayOutputStream pdu = new ByteArrayOutputStream();
        pdu.write(0x01); // transaction id: connectionless push takes any
        pdu.write(PDU_PUSH);
        byte[] headers = {(byte) (0x80 | CONTENT_TYPE_CIR), (byte) (0x80 | HEADER_APPLICATION_ID), (byte) (0x80 | APPLICATION_WV_UA)};
        pdu.write(headers.length); // a uintvar: below 128 it is the one octet
        pdu.writeBytes(headers);
        pdu.writeBytes(line.getBytes(StandardCharsets.US_ASCII));
        return pdu.toByteArray();
    }

    /** The SMS waking a client by {@code method} (WAPSMS or SSMS), valid until {@code expires}. */
    static SmsMt sms(CirMethod method, String from, String to, String line, Instant expires) {
        String requestId = REQUEST_PREFIX + UUID.randomUUID();
        return switch (method) {
            case WAPSMS -> SmsMt.binary(requestId, from, to, new SmsMt.Binary(wapPush(line), WAP_PUSH_PORT, WAP_PUSH_SOURCE_PORT),
                    expires, false, "wv.cir");
            case SSMS -> SmsMt.of(requestId, from, to, line, expires, false, "wv.cir");
            case STCP -> throw new IllegalArgumentException("a TCP wake is no SMS");
        };
    }
}
