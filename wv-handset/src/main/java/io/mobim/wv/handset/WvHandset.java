package io.mobim.wv.handset;

import io.mobim.wv.CspVersion;
import io.mobim.wv.StatusCode;
import io.mobim.wv.WvCodec;
import io.mobim.wv.WvDecodeException;
import io.mobim.wv.WvLimits;
import io.mobim.wv.model.CapabilityList;
import io.mobim.wv.model.ClientCapabilityRequest;
import io.mobim.wv.model.ClientCapabilityResponse;
import io.mobim.wv.model.ClientId;
import io.mobim.wv.model.LoginRequest;
import io.mobim.wv.model.LoginResponse;
import io.mobim.wv.model.MessageDelivered;
import io.mobim.wv.model.MessageInfo;
import io.mobim.wv.model.NewMessage;
import io.mobim.wv.model.PollingRequest;
import io.mobim.wv.model.Primitive;
import io.mobim.wv.model.Recipient;
import io.mobim.wv.model.Result;
import io.mobim.wv.model.SendMessageRequest;
import io.mobim.wv.model.SendMessageResponse;
import io.mobim.wv.model.SessionDescriptor;
import io.mobim.wv.model.Status;
import io.mobim.wv.model.Transaction;
import io.mobim.wv.model.User;
import io.mobim.wv.model.WvMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A CSP handset over real HTTP, built on wv-protocol the way a J2ME client is: it logs in (clear or digest), sends
 * requests in its encoding and CSP version with its own transaction numbers 1, 2, 3, polls, and confirms the
 * messages it gets. Every answer is decoded with the same codec, and a server answering in another encoding or
 * version, with another HTTP status than 200, or with another transaction id is refused
 * ({@link IllegalStateException}): the platform's tests and benchmarks drive the endpoint with it, and
 * {@link WvHandsetCli} puts it on the command line.
 */
public final class WvHandset {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** How a handset's bodies reach the server: the JDK's HTTP client by default, a load driver's own client in bench. */
    @FunctionalInterface
    public interface Transport {

        /** Posts {@code body} with {@code contentType} (null for none) and returns the server's answer. */
        Answer post(byte[] body, String contentType);
    }

    /** An HTTP answer: its status, its Content-Type (empty if none) and its body. */
    public record Answer(int status, String contentType, byte[] body) {
    }

    private final Transport transport;
    private final CspVersion version;
    private final WvCodec codec;
    private final String userId;
    private String contentType;
    private String sessionId;
    private int nextTransaction = 1;
    private long bytesMoved;

    public WvHandset(URI endpoint, CspVersion version, WvCodec codec, String userId) {
        this(jdkHttp(endpoint), version, codec, userId);
    }

    /** Posts to {@code endpoint} with the JDK's HTTP client (one shared client, its connections kept alive). */
    public static Transport jdkHttp(URI endpoint) {
        return (body, type) -> {
            HttpResponse<byte[]> r = post(endpoint, body, type);
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        };
    }

    /** A handset whose requests go through {@code transport}. */
    public WvHandset(Transport transport, CspVersion version, WvCodec codec, String userId) {
        this.transport = transport;
        this.version = version;
        this.codec = codec;
        this.userId = userId;
        this.contentType = codec.contentType();
    }

    /** Sends bodies with this Content-Type instead of the codec's (clients send {@code text/html} and others). */
    public WvHandset contentType(String type) {
        this.contentType = type;
        return this;
    }

    /** The UserID it logs in as. */
    public String userId() {
        return userId;
    }

    /** The CSP version it speaks. */
    public CspVersion version() {
        return version;
    }

    public String sessionId() {
        return sessionId;
    }

    /** Uses a SessionID of its own (an old one, or one that never existed). */
    public void useSession(String id) {
        this.sessionId = id;
    }

    /** 2-way login with the password in clear; keeps the SessionID on success. */
    public LoginResponse login(String password) {
        sessionId = null; // a login opens a session: it is sent Outband, whatever an earlier session became
        return keep(request(new LoginRequest(userId, new ClientId("http://handset/wv", null), password, List.of(), null,
                null, "cookie-" + userId), LoginResponse.class));
    }

    /** 4-way digest login: the challenge, then Base64(HASH(nonce + password)) with the schema the server chose. */
    public LoginResponse loginDigest(String password, String... schemas) {
        sessionId = null;
        LoginResponse challenge = request(new LoginRequest(userId, new ClientId("http://handset/wv", null), null,
                List.of(schemas), null, null, "cookie-" + userId), LoginResponse.class);
        if (challenge.result().code() != 401) {
            return challenge;
        }
        String algorithm = challenge.digestSchema().equals("SHA") ? "SHA-1" : challenge.digestSchema();
        String digest = Base64.getEncoder().encodeToString(hash(algorithm, challenge.nonce() + password));
        return keep(request(new LoginRequest(userId, new ClientId("http://handset/wv", null), null, List.of(), digest,
                null, "cookie-" + userId), LoginResponse.class));
    }

    /** ClientCapability with a delivery method ({@code P} or {@code N}). */
    public Primitive capabilities(String deliveryMethod) {
        return request(new ClientCapabilityRequest(new ClientId("http://handset/wv", null), new CapabilityList("MOBILE_PHONE",
                deliveryMethod, List.of("text/plain"), List.of(106), List.of("None"), 2000, null, List.of("HTTP"), 1, 4096,
                List.of(), null, null, null, null, "en"))).primitive();
    }

    /** ClientCapability in push mode, supporting the given CIR methods ({@code STCP}, {@code WAPSMS}, {@code SSMS}). */
    public ClientCapabilityResponse capabilitiesWithCir(String... cirMethods) {
        return request(cirCapabilities(cirMethods), ClientCapabilityResponse.class);
    }

    /** The ClientCapability-Request of a client in push mode supporting the given CIR methods. */
    public static ClientCapabilityRequest cirCapabilities(String... cirMethods) {
        return new ClientCapabilityRequest(new ClientId("http://handset/wv", null), new CapabilityList("MOBILE_PHONE",
                "P", List.of("text/plain"), List.of(106), List.of("None"), 2000, null, List.of("HTTP"), 1, 4096,
                List.of(cirMethods), null, null, null, null, "en"));
    }

    /** The SessionCookie it logged in with: a CIR names the session by it. */
    public String sessionCookie() {
        return "cookie-" + userId;
    }

    /** The bytes of every CSP body it sent and received: the data volume its session is charged for. */
    public long bytesMoved() {
        return bytesMoved;
    }

    /** SendMessage of {@code text} to the given UserIDs. */
    public SendMessageResponse send(String text, String... toUserIds) {
        return send(false, text, toUserIds);
    }

    /** SendMessage of {@code text} to the given UserIDs, asking for delivery reports or not. */
    public SendMessageResponse send(boolean deliveryReport, String text, String... toUserIds) {
        return request(textMessage(deliveryReport, text,
                new Recipient(Arrays.stream(toUserIds).map(User::new).toList(), List.of(), List.of())), SendMessageResponse.class);
    }

    /** A SendMessage-Request of plain {@code text} to {@code recipient} (users, groups or contact lists). */
    public static SendMessageRequest textMessage(boolean deliveryReport, String text, Recipient recipient) {
        MessageInfo info = new MessageInfo(null, null, "text/plain", "None", text.getBytes(StandardCharsets.UTF_8).length,
                recipient, null, null, null, null);
        return new SendMessageRequest(deliveryReport, info, text);
    }

    /** A Polling-Request (empty TransactionID, as clients send it); null when the server had nothing (empty 200). */
    public Transaction poll() {
        WvMessage answer = exchange(Transaction.request("", new PollingRequest()));
        return answer == null ? null : answer.transaction();
    }

    /** Polls until the server hands out a {@code type}, answering what comes before it as a handset would. */
    public <T extends Primitive> Transaction awaitPolled(Class<T> type) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Transaction t = poll();
            if (t != null && type.isInstance(t.primitive())) {
                return t;
            }
            if (t == null) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            } else if (t.primitive() instanceof NewMessage) {
                confirm(t);
            } else {
                acknowledge(t);
            }
        }
        throw new IllegalStateException("no " + type.getSimpleName() + " within 30 s");
    }

    /** Confirms a NewMessage the way handsets do: MessageDelivered as the Response to the server's transaction. */
    public void confirm(Transaction newMessage) {
        String messageId = ((NewMessage) newMessage.primitive()).messageInfo().messageId();
        WvMessage answer = exchange(Transaction.response(newMessage.transactionId(), new MessageDelivered(messageId)));
        if (answer != null) {
            throw new IllegalStateException("an acknowledgement is answered with an empty 200, got " + answer);
        }
    }

    /** Answers a server-initiated request the way handsets do: Status 200 as the Response to the server's transaction. */
    public void acknowledge(Transaction serverRequest) {
        WvMessage answer = exchange(Transaction.response(serverRequest.transactionId(),
                new Status(Result.of(StatusCode.SUCCESSFUL))));
        if (answer != null) {
            throw new IllegalStateException("an acknowledgement is answered with an empty 200, got " + answer);
        }
    }

    /** One request in its own transaction; its answer's primitive, which must be of {@code type}. */
    public <T extends Primitive> T request(Primitive request, Class<T> type) {
        Primitive answer = request(request).primitive();
        if (!type.isInstance(answer)) {
            throw new IllegalStateException("expected " + type.getSimpleName() + ", got " + answer);
        }
        return type.cast(answer);
    }

    /** One request in its own transaction; the answer, whose TransactionID must echo the request's. */
    public WvMessage request(Primitive request) {
        String tid = Integer.toString(nextTransaction++);
        WvMessage answer = exchange(Transaction.request(tid, request));
        if (answer == null) {
            throw new IllegalStateException("no answer to " + request.elementName());
        }
        if (!tid.equals(answer.transaction().transactionId())) {
            throw new IllegalStateException("answer to transaction " + tid + " carries " + answer.transaction().transactionId());
        }
        return answer;
    }

    /** Posts one message of this handset's session and decodes the answer (null for an empty 200). */
    public WvMessage exchange(Transaction transaction) {
        SessionDescriptor session = sessionId == null ? SessionDescriptor.outband() : SessionDescriptor.inband(sessionId);
        byte[] body = codec.encode(WvMessage.of(version, session, transaction));
        Answer response = transport.post(body, contentType);
        bytesMoved += body.length + response.body().length;
        if (response.status() != 200) {
            throw new IllegalStateException("HTTP " + response.status() + ": " + new String(response.body(), StandardCharsets.UTF_8));
        }
        if (response.body().length == 0) {
            return null;
        }
        String answeredType = response.contentType();
        if (!answeredType.startsWith(codec.contentType())) {
            throw new IllegalStateException("answered as " + answeredType + ", asked in " + codec.contentType());
        }
        try {
            WvMessage answer = codec.decode(response.body(), WvLimits.DEFAULT);
            if (answer.version() != version) {
                throw new IllegalStateException("answered in CSP " + answer.version().label() + ", asked in " + version.label());
            }
            return answer;
        } catch (WvDecodeException e) {
            throw new IllegalStateException("the answer is not CSP: " + e);
        }
    }

    /** Posts raw bytes to {@code endpoint} with {@code contentType} (none if null), through the JDK's HTTP client. */
    public static HttpResponse<byte[]> post(URI endpoint, byte[] body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private LoginResponse keep(LoginResponse response) {
        if (response.result().code() == 200) {
            sessionId = response.sessionId();
        }
        return response;
    }

    private static byte[] hash(String algorithm, String s) {
        try {
            return MessageDigest.getInstance(algorithm).digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
