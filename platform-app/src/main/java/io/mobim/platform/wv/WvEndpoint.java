package io.mobim.platform.wv;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.mobim.wv.CspVersion;
import io.mobim.wv.StatusCode;
import io.mobim.wv.WvCodec;
import io.mobim.wv.WvDecodeException;
import io.mobim.wv.WvLimits;
import io.mobim.platform.wv.session.WvSessions;
import io.mobim.wv.model.LoginResponse;
import io.mobim.wv.model.Result;
import io.mobim.wv.model.SessionDescriptor;
import io.mobim.wv.model.Status;
import io.mobim.wv.model.Transaction;
import io.mobim.wv.model.WvMessage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/**
 * {@code POST <mobim.wv.path>}: one CSP message in, its answer out, in the client's encoding and CSP version, served
 * by {@link CspValve} straight from Tomcat's pipeline (the session is the credential, see there). The
 * encoding is the Content-Type's when it is a CSP one, else read from the body (clients send {@code text/html},
 * {@code application/octet-stream} or nothing). Clients treat any HTTP status but 200 as a broken connection, so
 * everything that can be answered in CSP is answered with 200: a Status for a request that cannot be served, and an
 * empty body when there is nothing to say (an empty poll, the client's acknowledgements). Only a body that is not a
 * CSP message at all gets 400 (unreadable), 413 (larger than {@code mobim.wv.max-body}) or 415 (neither XML nor WBXML).
 * The bytes of a request's body and of its answer count to its session's data volume, charged when the session ends.
 */
public class WvEndpoint {

    private static final Logger log = LoggerFactory.getLogger(WvEndpoint.class);

    /** What became of a request, as counted by {@code mobim.wv.requests{outcome}}. */
    enum Outcome { ANSWERED, EMPTY, CSP_ERROR, UNREADABLE, TOO_LARGE, UNSUPPORTED_MEDIA }

    private final CspDispatcher dispatcher;
    private final WvSessions sessions;
    private final WvLimits limits;
    private final Map<Outcome, Counter> outcomes = new EnumMap<>(Outcome.class);

    public WvEndpoint(CspDispatcher dispatcher, WvSessions sessions, WvSettings settings, MeterRegistry meters) {
        this.dispatcher = dispatcher;
        this.sessions = sessions;
        this.limits = new WvLimits((int) settings.maxBody().toBytes(), WvLimits.DEFAULT.maxDepth());
        for (Outcome o : Outcome.values()) {
            outcomes.put(o, Counter.builder("mobim.wv.requests").description("CSP requests over HTTP, by what became of them")
                    .tag("outcome", o.name().toLowerCase()).register(meters));
        }
    }

    /** Reads one CSP request and writes its answer. */
    public void handle(HttpServletRequest http, HttpServletResponse response) throws IOException {
        int max = limits.maxBytes();
        long length = http.getContentLengthLong();
        if (length > max) {
            refuse(response, Outcome.TOO_LARGE, HttpStatus.CONTENT_TOO_LARGE, "CSP message larger than " + max + " bytes");
            return;
        }
        byte[] body = read(http.getInputStream(), (int) length, max);
        if (body.length > max) {
            refuse(response, Outcome.TOO_LARGE, HttpStatus.CONTENT_TOO_LARGE, "CSP message larger than " + max + " bytes");
            return;
        }
        if (body.length == 0) {
            refuse(response, Outcome.UNREADABLE, HttpStatus.BAD_REQUEST, "empty body: a CSP message was expected");
            return;
        }
        WvCodec codec = WvCodec.forContentType(http.getContentType());
        if (codec == null) {
            codec = sniff(body);
            if (codec == null) {
                refuse(response, Outcome.UNSUPPORTED_MEDIA, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "the body is neither CSP XML nor WBXML");
                return;
            }
        }
        WvMessage in;
        try {
            in = codec.decode(body, limits);
        } catch (WvDecodeException e) {
            undecodable(response, codec, body, e);
            return;
        }
        CspDispatcher.Answered answered = dispatcher.answer(in);
        List<Transaction> answers = answered.transactions();
        if (answers.isEmpty()) {
            outcomes.get(Outcome.EMPTY).increment();
            countData(in, answered, body.length);
            response.setStatus(HttpStatus.OK.value());
            response.setContentLength(0);
            return;
        }
        outcomes.get(Outcome.ANSWERED).increment();
        byte[] out = codec.encode(new WvMessage(in.version(), in.session(), answers));
        countData(in, answered, body.length + out.length);
        answer(response, codec, out);
    }

    /** Charges the bytes to the session the request was served in, else to the one its Login opened (if any). */
    private void countData(WvMessage in, CspDispatcher.Answered answered, long bytes) {
        if (answered.session() != null) {
            sessions.countData(answered.session(), bytes);
        } else {
            sessions.countData(sessionOf(in, answered.transactions()), bytes);
        }
    }

    /**
     * The body: as many bytes as the Content-Length says (fewer if the client stopped short; the container reads no
     * further than it), else (chunked) up to one more than {@code max}. Sized by the length, not read through a
     * buffer of the largest body accepted: polls are a few dozen bytes.
     */
    private static byte[] read(InputStream in, int length, int max) throws IOException {
        if (length < 0) {
            return in.readNBytes(max + 1);
        }
        byte[] body = new byte[length];
        int n = in.readNBytes(body, 0, length);
        return n == length ? body : Arrays.copyOf(body, n);
    }

    /** The session a request's data volume is charged to: the one it names, else the one its Login opened. */
    private static String sessionOf(WvMessage in, List<Transaction> answers) {
        if (in.session().sessionId() != null) {
            return in.session().sessionId();
        }
        for (Transaction t : answers) {
            if (t.primitive() instanceof LoginResponse login && login.sessionId() != null) {
                return login.sessionId();
            }
        }
        return null;
    }

    /** A body that is CSP but could not be read: unreadable ones get an HTTP error, the rest a CSP Status. */
    private void undecodable(HttpServletResponse response, WvCodec codec, byte[] body, WvDecodeException e) throws IOException {
        log.debug("Undecodable CSP request: {}", e.toString());
        if (e.status() == StatusCode.BAD_REQUEST) {
            refuse(response, Outcome.UNREADABLE, HttpStatus.BAD_REQUEST, e.reason());
            return;
        }
        if (e.status() == StatusCode.UNSUPPORTED_MEDIA_TYPE) {
            refuse(response, Outcome.UNSUPPORTED_MEDIA, HttpStatus.UNSUPPORTED_MEDIA_TYPE, e.reason());
            return;
        }
        // a version or primitive not served: the client can read a Status in the version it most likely speaks
        outcomes.get(Outcome.CSP_ERROR).increment();
        Status status = new Status(Result.of(e.status().code(), e.status().meaning()));
        answer(response, codec, WvMessage.of(likelyVersion(codec, body), SessionDescriptor.outband(), Transaction.response(null, status)));
    }

    private static void answer(HttpServletResponse response, WvCodec codec, WvMessage message) throws IOException {
        answer(response, codec, codec.encode(message));
    }

    private static void answer(HttpServletResponse response, WvCodec codec, byte[] out) throws IOException {
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(codec.contentType());
        response.setContentLength(out.length);
        response.getOutputStream().write(out);
    }

    private void refuse(HttpServletResponse response, Outcome outcome, HttpStatus status, String reason) throws IOException {
        outcomes.get(outcome).increment();
        byte[] text = (reason + "\n").getBytes(StandardCharsets.UTF_8);
        response.setStatus(status.value());
        if (status == HttpStatus.CONTENT_TOO_LARGE) {
            response.setHeader("Connection", "close"); // the rest of the body may still be on its way
        }
        response.setContentType("text/plain;charset=UTF-8");
        response.setContentLength(text.length);
        response.getOutputStream().write(text);
    }

    /** The codec of a body by its first bytes: WBXML starts with its version (1 to 3), XML with markup. */
    static WvCodec sniff(byte[] body) {
        int b = body[0] & 0xFF;
        if (b >= 0x01 && b <= 0x03) {
            return WvCodec.wbxml();
        }
        int i = 0;
        if (body.length >= 3 && b == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF) {
            i = 3; // a UTF-8 byte order mark
        }
        while (i < body.length && (body[i] == ' ' || body[i] == '\t' || body[i] == '\r' || body[i] == '\n')) {
            i++;
        }
        return i < body.length && body[i] == '<' ? WvCodec.xml() : null;
    }

    private static CspVersion likelyVersion(WvCodec codec, byte[] body) {
        if (codec == WvCodec.wbxml()) {
            return body.length > 1 && body[1] == CspVersion.V1_1.wbxmlPublicId() ? CspVersion.V1_1 : CspVersion.V1_2;
        }
        String head = new String(body, 0, Math.min(body.length, 512), StandardCharsets.ISO_8859_1);
        return head.contains(CspVersion.V1_1.cspNamespace()) ? CspVersion.V1_1 : CspVersion.V1_2;
    }
}
