package io.mobim.platform.messaging;

import io.mobim.platform.blocking.BlockList;
import io.mobim.platform.contacts.Contact;
import io.mobim.platform.contacts.Contacts;
import io.mobim.platform.presence.ClientSessions;
import io.mobim.platform.rooms.RoomMember;
import io.mobim.platform.rooms.Rooms;
import io.mobim.events.Msisdn;
import io.mobim.platform.subscribers.Subscriber;
import io.mobim.platform.subscribers.Subscribers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A message to a contact list or a room: one message, one delivery per member who takes it (members who block the
 * sender or take only their contacts' messages are left out unseen; one whose offline store is full is reported
 * failed). Rarer than one-to-one messages, so decided one by one with the ordinary lookups.
 */
final class ListAndRoomSends {

    private final Subscribers subscribers;
    private final Contacts contacts;
    private final BlockList blocks;
    private final ClientSessions clientSessions;
    private final Rooms rooms;
    private final SmsSubmission sms;
    private final SendRules rules;

    ListAndRoomSends(Subscribers subscribers, Contacts contacts, BlockList blocks, ClientSessions clientSessions, Rooms rooms,
                     SmsSubmission sms, SendRules rules) {
        this.subscribers = subscribers;
        this.contacts = contacts;
        this.blocks = blocks;
        this.clientSessions = clientSessions;
        this.rooms = rooms;
        this.sms = sms;
        this.rules = rules;
    }

    /**
     * Decides request number {@code index} of a send, to a contact list or a room, and accepts it into {@code batch}.
     *
     * @throws MessageRefused if nobody takes it
     */
    SendResult plan(SendRequest q, int index, SendBatch batch) {
        Msisdn sender = q.sender();
        Subscriber from = subscribers.findActive(sender)
                .orElseThrow(() -> rules.refused(MessageRefused.Reason.SENDER_NOT_ACTIVE, "the sender is not an active subscriber"));
        rules.checkBody(q.body());
        if (q.clientMessageId() != null) {
            SendResult earlier = rules.sentBefore(q);
            if (earlier != null) {
                return earlier;
            }
            SendResult again = batch.earlier(q);
            if (again != null) {
                return again;
            }
        }
        rules.checkRate(sender);

        String room = null;
        List<Candidate> candidates = new ArrayList<>();
        switch (q.target()) {
            case Target.Subscriber s -> throw new IllegalStateException("planned with the one-to-one messages");
            case Target.ContactList l -> {
                for (Contact c : contacts.members(sender, l.name())) {
                    subscribers.findActive(c.msisdn()).ifPresent(to -> candidates.add(new Candidate(to, aliasOf(from, to))));
                }
            }
            case Target.Room r -> {
                RoomMember me = rooms.memberOf(r.name(), sender)
                        .orElseThrow(() -> rules.refused(MessageRefused.Reason.NOT_A_MEMBER, "join the room before writing to it"));
                room = me.room();
                for (RoomMember m : rooms.members(room)) {
                    if (!m.msisdn().equals(sender)) {
                        subscribers.findActive(m.msisdn()).ifPresent(to -> candidates.add(new Candidate(to, me.nickname())));
                    }
                }
            }
        }
        List<SendBatch.Routed> accepted = new ArrayList<>();
        List<SendResult.Recipient> failed = new ArrayList<>();
        for (Candidate c : candidates) {
            Msisdn to = c.subscriber().msisdn();
            if (blocks.refuses(to, sender) || (c.subscriber().contactsOnly() && !contacts.isContact(to, sender))) {
                continue; // refused and never stored; the sender is not told which of the two it was
            }
            Optional<SendResult.Route> route = rules.route(to, clientSessions.isClientOnline(to), c.subscriber().smsFallback(), false, batch);
            if (route.isEmpty()) {
                failed.add(new SendResult.Recipient(to, DeliveryStatus.FAILED, SendResult.Route.NONE, "offline quota full"));
                continue;
            }
            accepted.add(new SendBatch.Routed(to, c.alias(), route.get(),
                    route.get() == SendResult.Route.SMS ? sms.recipient(c.subscriber(), sender) : null));
        }
        if (accepted.isEmpty()) {
            throw rules.refused(MessageRefused.Reason.NO_RECIPIENTS, "nobody to deliver the message to");
        }
        return batch.accept(q, index, from.tariffPlan(), room, accepted, failed);
    }

    private String aliasOf(Subscriber from, Subscriber to) {
        // the recipient sees the sender as they named them, or by the sender's own nickname
        return contacts.byNumber(to.msisdn(), from.msisdn()).map(Contact::nickname).orElse(from.nickname());
    }

    private record Candidate(Subscriber subscriber, String alias) {
    }
}
