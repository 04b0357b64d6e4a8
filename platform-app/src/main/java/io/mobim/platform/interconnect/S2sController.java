package io.mobim.platform.interconnect;

import io.mobim.events.EventJson;
import io.mobim.platform.messaging.MessageRefused;
import io.mobim.platform.messaging.SendResult;
import io.mobim.platform.numberplan.NumberPlan;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The server-to-server interface, version 1: peer operators' platforms hand over messages for this operator's
 * subscribers, presence authorization requests and answers, and their subscribers' presence. Every request is signed ({@link RequestSigning}); an unsigned one, an unknown peer, a stale timestamp
 * or a wrong signature is refused with 401 and the reason, a peer speaking for another operator with 403. Answers:
 * 202 with this platform's message id (also to a retry of the same message), 404 recipient unknown, 403 the
 * recipient does not take the sender's messages, 409 the recipient's store is full, 422 an invalid message.
 */
@RestController
@ConditionalOnBooleanProperty("mobim.role.im.enabled")
@RequestMapping(path = "/s2s/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class S2sController {

    private static final Logger log = LoggerFactory.getLogger(S2sController.class);

    private final InterconnectSettings settings;
    private final InboundMessages inbound;
    private final InboundAuthorizations authorizations;
    private final InboundPresence presence;
    private final String homeOperator;
    private final Clock clock;

    S2sController(InterconnectSettings settings, InboundMessages inbound, InboundAuthorizations authorizations, InboundPresence presence,
                  NumberPlan plan, Clock clock) {
        this.settings = settings;
        this.presence = presence;
        this.inbound = inbound;
        this.authorizations = authorizations;
        this.homeOperator = plan.homeOperator();
        this.clock = clock;
    }

    @PostMapping(path = "/messages")
    ResponseEntity<?> message(HttpServletRequest request, @RequestBody(required = false) byte[] body,
                              @RequestHeader(name = RequestSigning.PEER, required = false) String peer,
                              @RequestHeader(name = RequestSigning.TIMESTAMP, required = false) String timestamp,
                              @RequestHeader(name = RequestSigning.SIGNATURE, required = false) String signature) {
        Signed<PeerMessage> signed = read(request, body, peer, timestamp, signature, PeerMessage.class,
                PeerMessage::originatingOperator, PeerMessage::terminatingOperator);
        if (signed.refusal() != null) {
            return signed.refusal();
        }
        PeerMessage message = signed.value();
        try {
            SendResult result = inbound.receive(message);
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("messageId", result.messageId().toString(), "status", "ACCEPTED",
                    "duplicate", result.duplicate()));
        } catch (MessageRefused e) {
            HttpStatus status = switch (e.reason()) {
                case RECIPIENT_UNKNOWN -> HttpStatus.NOT_FOUND;
                case NOT_ACCEPTED -> HttpStatus.FORBIDDEN;
                case OFFLINE_QUOTA_FULL -> HttpStatus.CONFLICT;
                default -> HttpStatus.UNPROCESSABLE_CONTENT;
            };
            return problem(status, "Message refused", e.getMessage(), e.reason().name());
        }
    }

    /**
     * {@code POST /s2s/v1/authorizations}: a peer's subscriber asks one of ours to see their presence, or one of ours
     * gets the answer to theirs. 202 (also when asked again), 404 when the subscriber of ours it names does not exist
     * or never asked.
     */
    @PostMapping(path = "/authorizations")
    ResponseEntity<?> authorization(HttpServletRequest request, @RequestBody(required = false) byte[] body,
                                    @RequestHeader(name = RequestSigning.PEER, required = false) String peer,
                                    @RequestHeader(name = RequestSigning.TIMESTAMP, required = false) String timestamp,
                                    @RequestHeader(name = RequestSigning.SIGNATURE, required = false) String signature) {
        Signed<PeerAuthorization> signed = read(request, body, peer, timestamp, signature, PeerAuthorization.class,
                PeerAuthorization::fromOperator, PeerAuthorization::toOperator);
        if (signed.refusal() != null) {
            return signed.refusal();
        }
        PeerAuthorization authorization = signed.value();
        if (!authorizations.receive(authorization)) {
            return problem(HttpStatus.NOT_FOUND, "No such subscriber or request",
                    "the subscriber named here does not exist, or never asked", "RECIPIENT_UNKNOWN");
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("status", "ACCEPTED"));
    }

    /**
     * {@code POST /s2s/v1/presence}: the presence of a peer's subscriber, for the watchers of ours it names. 202 (also
     * for a push older than the one kept, which changes nothing: {@code "unchanged": true}), 403 when the presentity
     * is not that peer's subscriber.
     */
    @PostMapping(path = "/presence")
    ResponseEntity<?> presence(HttpServletRequest request, @RequestBody(required = false) byte[] body,
                               @RequestHeader(name = RequestSigning.PEER, required = false) String peer,
                               @RequestHeader(name = RequestSigning.TIMESTAMP, required = false) String timestamp,
                               @RequestHeader(name = RequestSigning.SIGNATURE, required = false) String signature) {
        Signed<PeerPresence> signed = read(request, body, peer, timestamp, signature, PeerPresence.class,
                PeerPresence::fromOperator, PeerPresence::toOperator);
        if (signed.refusal() != null) {
            return signed.refusal();
        }
        InboundPresence.Outcome outcome = presence.receive(signed.value());
        if (outcome == InboundPresence.Outcome.NOT_THE_PEERS) {
            return problem(HttpStatus.FORBIDDEN, "Not this peer's subscriber",
                    "a peer sends the presence of its own subscribers only", "WRONG_OPERATOR");
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("status", "ACCEPTED",
                "unchanged", outcome == InboundPresence.Outcome.UNCHANGED));
    }

    /** A request's body read as {@code T} once it passed every check, or the refusal of the first check it failed. */
    private record Signed<T>(T value, ResponseEntity<ProblemDetail> refusal) {
    }

    /**
     * Checks a request and reads its body: signed by a known peer within the allowed clock skew (else 401), a valid
     * {@code type} (else 422), sent by that peer for itself ({@code from}) to this operator ({@code to}).
     */
    private <T> Signed<T> read(HttpServletRequest request, byte[] body, String peer, String timestamp, String signature, Class<T> type,
                               Function<T, String> from, Function<T, String> to) {
        byte[] content = body == null ? new byte[0] : body;
        ResponseEntity<ProblemDetail> refused = authenticate(request, content, peer, timestamp, signature);
        if (refused != null) {
            return new Signed<>(null, refused);
        }
        T value;
        try {
            value = EventJson.mapper().readValue(content, type);
        } catch (RuntimeException e) {
            return new Signed<>(null, problem(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid request", innermost(e), "INVALID"));
        }
        refused = operators(peer, from.apply(value), to.apply(value));
        return new Signed<>(refused == null ? value : null, refused);
    }

    /** Null if the request is signed by a known peer within the allowed clock skew; else the 401 that says why not. */
    private ResponseEntity<ProblemDetail> authenticate(HttpServletRequest request, byte[] content, String peer, String timestamp,
                                                       String signature) {
        RequestSigning.Refusal refusal;
        InterconnectSettings.Peer known = peer == null ? null : settings.peers().get(peer);
        if (peer == null || timestamp == null || signature == null) {
            refusal = RequestSigning.Refusal.MISSING_HEADERS;
        } else if (known == null) {
            refusal = RequestSigning.Refusal.UNKNOWN_PEER;
        } else {
            refusal = RequestSigning.verify(known.secret(), request.getMethod(), request.getRequestURI(), timestamp, signature, content,
                    clock.instant(), settings.maxClockSkew());
        }
        if (refusal == null) {
            return null;
        }
        log.warn("s2s request from {} refused: {}", peer == null ? "an unnamed caller" : peer.length() > 16 ? peer.substring(0, 16) : peer,
                refusal);
        return problem(HttpStatus.UNAUTHORIZED, "Not a signed request of a peer", refusal.reason(), refusal.name());
    }

    /** Null if {@code peer} speaks for itself ({@code from}) to this operator ({@code to}); else the refusal. */
    private ResponseEntity<ProblemDetail> operators(String peer, String from, String to) {
        if (!peer.equals(from)) {
            return problem(HttpStatus.FORBIDDEN, "Not this peer's request", "a peer speaks for its own subscribers only", "WRONG_OPERATOR");
        }
        if (!homeOperator.equals(to)) {
            return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Wrong operator", "this platform is " + homeOperator, "WRONG_OPERATOR");
        }
        return null;
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail, String code) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        p.setProperty("code", code);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    private static String innermost(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.length() > 200 ? m.substring(0, 200) : m;
    }
}
