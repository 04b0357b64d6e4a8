package io.mobim.platform.wv.messaging;

import io.mobim.events.Msisdn;
import io.mobim.platform.messaging.ClientDeliveries;
import io.mobim.platform.messaging.ClientDelivery;
import io.mobim.platform.messaging.ClientMessages;
import io.mobim.platform.messaging.GroupCommit;
import io.mobim.platform.messaging.HandedOut;
import io.mobim.platform.messaging.MessageRefused;
import io.mobim.platform.messaging.Origin;
import io.mobim.platform.messaging.SendRequest;
import io.mobim.platform.messaging.SendResult;
import io.mobim.platform.messaging.Target;
import io.mobim.platform.wv.CspFault;
import io.mobim.platform.wv.Failures;
import io.mobim.platform.wv.GroupIds;
import io.mobim.platform.wv.ServerTransactions;
import io.mobim.platform.wv.UserIds;
import io.mobim.platform.wv.session.DeliveryMethod;
import io.mobim.platform.wv.session.WvSession;
import io.mobim.platform.wv.session.WakeSignals;
import io.mobim.platform.wv.session.WvSessions;
import io.mobim.wv.StatusCode;
import io.mobim.wv.model.GetMessageRequest;
import io.mobim.wv.model.Group;
import io.mobim.wv.model.ScreenName;
import io.mobim.wv.model.Status;
import io.mobim.wv.model.Result;
import io.mobim.wv.model.RejectMessageRequest;
import io.mobim.wv.model.GetMessageListResponse;
import io.mobim.wv.model.GetMessageListRequest;
import io.mobim.wv.model.ForwardMessageRequest;
import io.mobim.wv.model.GetMessageResponse;
import io.mobim.wv.model.MessageDelivered;
import io.mobim.wv.model.MessageInfo;
import io.mobim.wv.model.MessageNotification;
import io.mobim.wv.model.NewMessage;
import io.mobim.wv.model.Primitive;
import io.mobim.wv.model.Recipient;
import io.mobim.wv.model.SendMessageRequest;
import io.mobim.wv.model.SendMessageResponse;
import io.mobim.wv.model.Sender;
import io.mobim.wv.model.Transaction;
import io.mobim.wv.model.User;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * CSP instant messaging on the IM core: SendMessage to one or several subscribers (each recipient is one message of
 * the core, sent through the group commit with whatever else is being sent; the client learns each recipient's
 * failure), new messages handed out one per Polling-Request ({@code NewMessage} or, for a client in notify mode,
 * {@code MessageNotification} then {@code GetMessage}), and {@code MessageDelivered} confirming them. A message is
 * claimed only when a poll hands it out (or GetMessage takes one GetMessageList showed); one handed out and never
 * confirmed falls back as the core decides. RejectMessage fails a waiting message for its sender; ForwardMessage sends
 * a message the client received on, as the client's own.
 */
public class WvMessaging {

    private final GroupCommit groupCommit;
    private final ClientMessages clientMessages;
    private final UserIds userIds;
    private final WvSessions sessions;
    private final ClientDeliveries clientDeliveries;

    /** The most messages a GetMessageList answer lists. */
    static final int MESSAGE_LIST_MAX = 50;

    private final GroupIds groupIds;
    private final WakeSignals signals;

    public WvMessaging(GroupCommit groupCommit, ClientMessages clientMessages, ClientDeliveries clientDeliveries, UserIds userIds,
                       GroupIds groupIds, WvSessions sessions, WakeSignals signals) {
        this.signals = signals;
        this.groupIds = groupIds;
        this.clientDeliveries = clientDeliveries;
        this.groupCommit = groupCommit;
        this.clientMessages = clientMessages;
        this.userIds = userIds;
        this.sessions = sessions;
    }

    /** Sends a client's message to each subscriber it names; the answer carries every recipient's failure. */
    public SendMessageResponse send(WvSession session, String transactionId, SendMessageRequest q) {
        MessageInfo info = q.messageInfo();
        Sent sent = sendTo(session, transactionId, info == null ? null : info.recipient(), MessageContent.text(info, q.contentData()),
                Boolean.TRUE.equals(q.deliveryReport()));
        return new SendMessageResponse(sent.result(), sent.messageId());
    }

    /**
     * Sends a message the client received to further recipients, as its own message: the same text, from the client.
     *
     * @throws CspFault 426 when no such message reached the client (or it is no longer kept)
     */
    public Status forward(WvSession session, String transactionId, ForwardMessageRequest q) {
        ClientDelivery original = clientMessages.received(session.msisdn(), messageId(q.messageId()))
                .orElseThrow(() -> new CspFault(StatusCode.INVALID_MESSAGE_ID, "No such message reached you"));
        return new Status(sendTo(session, transactionId == null || transactionId.isBlank() ? null : "fw:" + transactionId,
                q.recipient(), original.body(), false).result());
    }

    /** A send's outcome: the Result and the id of the message (one of them) that went out, or null. */
    private record Sent(Result result, String messageId) {
    }

    private Sent sendTo(WvSession session, String transactionId, Recipient to, String body, boolean report) {
        if (to == null || (to.users().isEmpty() && to.groups().isEmpty() && to.contactLists().isEmpty())) {
            throw new CspFault(StatusCode.BAD_PARAMETER, "Recipient is missing");
        }
        Failures failures = new Failures();
        Map<String, String> rooms = new LinkedHashMap<>();
        for (Group group : to.groups()) {
            String groupId = group.groupId() != null ? group.groupId() : group.screenName() == null ? null : group.screenName().groupId();
            try {
                if (group.groupId() == null && group.screenName() != null) {
                    throw new CspFault(StatusCode.SERVICE_NOT_SUPPORTED, "Private messages in groups are not served");
                }
                rooms.putIfAbsent(groupIds.room(groupId), groupId);
            } catch (CspFault f) {
                failures.add(f.status(), Failures.Kind.GROUP, f.getMessage(), String.valueOf(groupId));
            }
        }
        for (String list : to.contactLists()) {
            failures.add(StatusCode.SERVICE_NOT_SUPPORTED, "Messages to contact lists are not served yet", list);
        }
        Map<Msisdn, String> recipients = new LinkedHashMap<>();
        for (User user : to.users()) {
            try {
                recipients.putIfAbsent(userIds.parse(user.userId()), user.userId());
            } catch (CspFault f) {
                failures.add(f.status(), f.getMessage(), user.userId());
            }
        }
        List<CompletableFuture<SendResult>> sends = new ArrayList<>(recipients.size());
        for (Msisdn recipient : recipients.keySet()) {
            sends.add(groupCommit.submit(new SendRequest(session.msisdn(), Target.subscriber(recipient), body, Origin.client(),
                    clientMessageId(session, transactionId, recipient.value()), report)));
        }
        List<CompletableFuture<SendResult>> roomSends = new ArrayList<>(rooms.size());
        for (String room : rooms.keySet()) {
            roomSends.add(groupCommit.submit(new SendRequest(session.msisdn(), Target.room(room), body, Origin.client(),
                    clientMessageId(session, transactionId, room), report)));
        }
        String toUsers = awaitSent(recipients, sends, failures, Failures.Kind.USER, WvMessaging::status);
        // committed: a recipient polling this instance finds it on its very next poll, not only once the database's
        // signal has come round
        recipients.keySet().forEach(r -> signals.raise(r, WakeSignals.Kind.MESSAGE));
        String toRooms = awaitSent(rooms, roomSends, failures, Failures.Kind.GROUP, WvMessaging::groupStatus);
        String messageId = toUsers != null ? toUsers : toRooms;
        return new Sent(failures.result(messageId != null), messageId);
    }

    /**
     * Waits for the sends to {@code targets} (in order, one each), noting each refused one under the id the client
     * named it by; returns the id of the first message that went out, or null.
     */
    private static String awaitSent(Map<?, String> targets, List<CompletableFuture<SendResult>> sends, Failures failures,
                                    Failures.Kind kind, Function<MessageRefused.Reason, StatusCode> status) {
        String messageId = null;
        int i = 0;
        for (String named : targets.values()) {
            try {
                SendResult sent = sends.get(i++).join();
                if (messageId == null) {
                    messageId = sent.messageId().toString();
                }
            } catch (CompletionException e) {
                if (!(e.getCause() instanceof MessageRefused refused)) {
                    throw e;
                }
                failures.add(status.apply(refused.reason()), kind, refused.getMessage(), named);
            }
        }
        return messageId;
    }

    /** The messages waiting for the client (its MessageCount at most), without their content; nothing is claimed. */
    public GetMessageListResponse list(WvSession session, GetMessageListRequest q) {
        if (q.groupId() != null) {
            throw new CspFault(StatusCode.GROUP_DOES_NOT_EXIST, "No such group");
        }
        int max = q.messageCount() == null || q.messageCount() <= 0 ? MESSAGE_LIST_MAX : Math.min(q.messageCount(), MESSAGE_LIST_MAX);
        return new GetMessageListResponse(clientMessages.waitingList(session.clientSession(), session.msisdn(), max).stream()
                .map(d -> info(session, d)).toList());
    }

    /** The client refuses messages waiting for it: each fails for its sender; unknown ids are named (426). */
    public Status reject(WvSession session, RejectMessageRequest q) {
        if (q.messageIds().isEmpty()) {
            throw new CspFault(StatusCode.BAD_PARAMETER, "MessageID is missing");
        }
        Failures failures = new Failures();
        Map<UUID, String> ids = new LinkedHashMap<>();
        for (String id : q.messageIds()) {
            try {
                ids.putIfAbsent(messageId(id), id);
            } catch (CspFault f) {
                failures.add(f.status(), Failures.Kind.MESSAGE, f.getMessage(), id);
            }
        }
        List<UUID> rejected = ids.isEmpty() ? List.of() : clientDeliveries.reject(session.msisdn(), ids.keySet());
        ids.forEach((uuid, id) -> {
            if (!rejected.contains(uuid)) {
                failures.add(StatusCode.INVALID_MESSAGE_ID, Failures.Kind.MESSAGE, "No such message waits for you", id);
            }
        });
        return new Status(failures.result(!rejected.isEmpty()));
    }

    /**
     * The next server-initiated transaction for a polling client, or empty when nothing waits (the client gets an
     * empty 200). {@code Poll} is true when another message waits.
     */
    public Optional<Transaction> poll(WvSession session) {
        HandedOut handed = groupCommit.handOut(session.clientSession(), 1);
        if (handed.deliveries().isEmpty()) {
            return Optional.empty();
        }
        ClientDelivery d = handed.deliveries().getFirst();
        Primitive primitive = sessions.deliveryMethod(session) == DeliveryMethod.NOTIFY
                ? new MessageNotification(info(session, d))
                : new NewMessage(info(session, d), d.body());
        return Optional.of(ServerTransactions.request(primitive, handed.more()));
    }

    /** The content of a message the client was notified of and has not confirmed. */
    public GetMessageResponse get(WvSession session, GetMessageRequest q) {
        UUID id = messageId(q.messageId());
        ClientDelivery d = clientMessages.claimed(session.clientSession(), session.msisdn(), id)
                .or(() -> clientDeliveries.claim(session.clientSession(), session.msisdn(), id)) // listed, not yet handed out
                .orElseThrow(() -> new CspFault(StatusCode.INVALID_MESSAGE_ID, "No such message waits for you"));
        return new GetMessageResponse(info(session, d), d.body());
    }

    /** The client has the message: its delivery is done. False if there was nothing to confirm. */
    public boolean delivered(WvSession session, MessageDelivered q) {
        return !groupCommit.acknowledge(session.clientSession(), List.of(messageId(q.messageId()))).isEmpty();
    }

    /** A message as the recipient's client sees it: from a user, or to a group from a screen name in it. */
    private MessageInfo info(WvSession session, ClientDelivery d) {
        Recipient recipient;
        Sender sender;
        if (d.room() != null) {
            String groupId = groupIds.of(d.room());
            recipient = new Recipient(List.of(), List.of(new Group(groupId, null)), List.of());
            sender = new Sender(null, new Group(null, new ScreenName(d.senderAlias(), groupId)));
        } else {
            recipient = new Recipient(List.of(new User(userIds.of(session.msisdn()))), List.of(), List.of());
            sender = new Sender(new User(userIds.of(d.sender())), null);
        }
        return new MessageInfo(d.messageId().toString(), null, "text/plain", "None",
                d.body().getBytes(StandardCharsets.UTF_8).length, recipient, sender, null, MessageContent.dateTime(d.sentAt()), null);
    }

    private static UUID messageId(String id) {
        try {
            return UUID.fromString(id == null ? "" : id.strip());
        } catch (IllegalArgumentException e) {
            throw new CspFault(StatusCode.INVALID_MESSAGE_ID, "Invalid MessageID");
        }
    }

    /**
     * The core's client message id of one recipient's copy: a client repeating a transaction (its answer was lost) sends
     * the same message again, which the core answers with the first result. Scoped to the session, because clients
     * number their transactions 1, 2, 3 in every session.
     */
    private static String clientMessageId(WvSession session, String transactionId, String recipient) {
        if (transactionId == null || transactionId.isBlank()) {
            return null;
        }
        return "wv:" + MessageContent.digest(session.clientSession() + "|" + transactionId + "|" + recipient);
    }

    private static StatusCode groupStatus(MessageRefused.Reason reason) {
        return switch (reason) {
            case NOT_A_MEMBER -> StatusCode.GROUP_NOT_JOINED;
            case NO_RECIPIENTS -> StatusCode.UNABLE_TO_DELIVER;
            default -> status(reason);
        };
    }

    private static StatusCode status(MessageRefused.Reason reason) {
        return switch (reason) {
            case RECIPIENT_UNKNOWN -> StatusCode.UNKNOWN_USER;
            case NOT_ACCEPTED -> StatusCode.RECIPIENT_BLOCKED_SENDER;
            case OFFLINE_QUOTA_FULL, RATE_LIMITED -> StatusCode.MESSAGE_QUEUE_FULL;
            case SENDER_NOT_ACTIVE -> StatusCode.FORBIDDEN;
            case NOT_A_MEMBER -> StatusCode.NOT_A_GROUP_MEMBER;
            case EMPTY, TOO_LONG, NO_RECIPIENTS -> StatusCode.BAD_PARAMETER;
        };
    }
}
