package io.mobim.platform.sms;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.mobim.events.sms.SmsMo;
import io.mobim.platform.blocking.BlockList;
import io.mobim.platform.contacts.Contact;
import io.mobim.platform.contacts.ContactLimitReached;
import io.mobim.platform.contacts.Contacts;
import io.mobim.platform.directory.Directory;
import io.mobim.platform.contacts.PendingRequest;
import io.mobim.platform.messaging.MessageRefused;
import io.mobim.platform.messaging.MessageSender;
import io.mobim.platform.messaging.Origin;
import io.mobim.platform.messaging.Target;
import io.mobim.platform.presence.PresenceService;
import io.mobim.platform.presence.PresenceView;
import io.mobim.platform.rooms.Room;
import io.mobim.platform.rooms.RoomMember;
import io.mobim.platform.rooms.RoomRefused;
import io.mobim.platform.rooms.Rooms;
import io.mobim.platform.subscribers.InvalidSubscriberData;
import io.mobim.events.Msisdn;
import io.mobim.platform.subscribers.Subscriber;
import io.mobim.platform.subscribers.SubscriberChanges;
import io.mobim.platform.subscribers.Subscribers;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Carries out the short-code commands subscribers text. Each MO is handled once (its id is recorded in the
 * same transaction as its effects), and every command gets an answer: a reply, the message it sent, or a
 * one-SMS usage line. After STOP a subscriber gets no SMS at all until START.
 *
 * <p>Refusals of the domain (a message refused, a room or nickname refused, a full contact list) are answered in
 * the MO's own transaction: the services decide them before writing and are {@code noRollbackFor} them, so they
 * do not doom that transaction (see docs/architecture.md, "Refusals inside a caller's transaction").
 */
public class SmsCommandHandler {

    private static final Logger log = LoggerFactory.getLogger(SmsCommandHandler.class);

    private final SmsCommandParser parser = new SmsCommandParser();
    private final HandledMos handled;
    private final Subscribers subscribers;
    private final Contacts contacts;
    private final BlockList blocks;
    private final PresenceService presence;
    private final MessageSender messaging;
    private final Rooms rooms;
    private final Directory directory;
    private final SmsReplies replies;
    private final SmsSettings settings;
    private final MeterRegistry meters;
    private final Map<Class<?>, Counter> commandCounters = new ConcurrentHashMap<>(); // looked up once, not per MO

    SmsCommandHandler(HandledMos handled, Subscribers subscribers, Contacts contacts, BlockList blocks,
                      PresenceService presence, MessageSender messaging, Rooms rooms, Directory directory, SmsReplies replies,
                      SmsSettings settings, MeterRegistry meters) {
        this.directory = directory;
        this.handled = handled;
        this.subscribers = subscribers;
        this.contacts = contacts;
        this.blocks = blocks;
        this.presence = presence;
        this.messaging = messaging;
        this.rooms = rooms;
        this.replies = replies;
        this.settings = settings;
        this.meters = meters;
    }

    /**
     * Handles one MO; returns false if it had been handled before (a replay from Kafka). Joins the caller's
     * transaction, or runs in its own. A poll of MOs is handled as a set by {@link SmsCommandBatch}.
     */
    @Transactional
    public boolean handle(SmsMo mo) {
        SmsCommand command = parse(mo);
        HandledMos.Fresh fresh = handled.mark(List.of(mo), List.of(command)).getFirst();
        if (fresh == null) {
            return false;
        }
        counted(command);
        handleFresh(mo, command, fresh.sender());
        return true;
    }

    /** The MO's command, as the short-code language reads its text. */
    SmsCommand parse(SmsMo mo) {
        return parser.parse(mo.text());
    }

    /** Counts a fresh MO's command once its transaction commits (a replay is not counted again). */
    void counted(SmsCommand command) {
        countOnCommit(commandCounters.computeIfAbsent(command.getClass(),
                c -> meters.counter("mobim.sms.commands", "command", c.getSimpleName())));
    }

    /**
     * Carries out the command of an MO just marked as handled ({@link HandledMos}), in the caller's transaction.
     *
     * @param sender the sender, empty if the number is not a subscriber
     */
    void handleFresh(SmsMo mo, SmsCommand command, Optional<SmsSender> sender) {
        Msisdn from = Msisdn.of(mo.from());
        if (sender.isEmpty()) {
            newcomer(from, command);
            return;
        }
        SmsSender me = sender.get();
        if (me.smsOptedOut()) {
            if (command instanceof SmsCommand.Register r) {
                comeBack(me, r);
            }
            return; // after STOP nothing but START gets an answer
        }
        if (command instanceof SmsCommand.Stop) {
            subscribers.optOutOfSms(from, true);
            replies.sendText(from, replies.text(me.locale(), "stopped", settings.shortCode())); // the one confirmation
            log.info("Subscriber {} texted STOP", from);
            return;
        }
        if (!me.active()) {
            replies.send(from, me.locale(), "refused.SENDER_NOT_ACTIVE");
            return;
        }
        try {
            execute(me, command, mo);
        } catch (MessageRefused e) {
            refusedReply(me, e, command);
        } catch (RoomRefused e) {
            replies.send(from, me.locale(), "room." + e.reason().name(), roomOf(command));
        } catch (ContactLimitReached e) {
            replies.send(from, me.locale(), "contact.limit", contacts.list(from).size());
        } catch (InvalidSubscriberData e) {
            replies.send(from, me.locale(), "nickname.invalid");
        }
    }

    private void execute(SmsSender me, SmsCommand command, SmsMo mo) {
        Msisdn from = me.msisdn();
        Locale lang = me.locale();
        switch (command) {
            case SmsCommand.SendToContact c -> {
                Optional<Contact> to = contacts.byPosition(from, c.position());
                if (to.isEmpty()) {
                    replies.send(from, lang, "contact.unknown", c.position());
                    return;
                }
                send(from, Target.subscriber(to.get().msisdn()), c.text(), mo);
            }
            case SmsCommand.SendToNickname n -> {
                Optional<Msisdn> to = contacts.byNickname(from, n.nickname()).map(Contact::msisdn)
                        .or(() -> rooms.membershipsOf(from).stream()
                                .flatMap(m -> rooms.memberByNickname(m.room(), n.nickname()).stream())
                                .map(RoomMember::msisdn).findFirst());
                if (to.isEmpty()) {
                    replies.send(from, lang, "contact.nick.unknown", n.nickname());
                    return;
                }
                send(from, Target.subscriber(to.get()), n.text(), mo);
            }
            case SmsCommand.SendToRoom r -> {
                if (rooms.memberOf(r.room(), from).isEmpty()) {
                    replies.send(from, lang, "room.not.member", r.room());
                    return;
                }
                send(from, Target.room(r.room()), r.text(), mo);
            }
            case SmsCommand.Add a -> {
                Msisdn number;
                try {
                    number = subscribers.parseNumber(a.number());
                } catch (Msisdn.InvalidMsisdn e) {
                    replies.send(from, lang, "contact.number.invalid");
                    return;
                }
                if (number.equals(from)) {
                    replies.send(from, lang, "contact.self");
                    return;
                }
                Contact added = contacts.add(from, number, a.nickname(), null);
                replies.send(from, lang, "contact.added", added.nickname(), added.position());
            }
            case SmsCommand.Delete d -> contacts.remove(from, d.position()).ifPresentOrElse(
                    c -> replies.send(from, lang, "contact.deleted", d.position(), c.nickname()),
                    () -> replies.send(from, lang, "contact.unknown", d.position()));
            case SmsCommand.ListContacts l -> replies.sendText(from, contactList(me));
            case SmsCommand.Accept a -> answer(me, a.request(), true);
            case SmsCommand.Deny d -> answer(me, d.request(), false);
            case SmsCommand.Block b -> contacts.byPosition(from, b.position()).ifPresentOrElse(c -> {
                blocks.block(from, c.msisdn());
                replies.send(from, lang, "block.done", c.nickname(), b.position());
            }, () -> replies.send(from, lang, "contact.unknown", b.position()));
            case SmsCommand.Unblock u -> contacts.byPosition(from, u.position()).ifPresentOrElse(c -> replies.send(from, lang,
                    blocks.unblock(from, c.msisdn()) ? "unblock.done" : "unblock.none", c.nickname()),
                    () -> replies.send(from, lang, "contact.unknown", u.position()));
            case SmsCommand.SetStatus s -> {
                if (s.text() != null && s.text().length() > PresenceService.STATUS_TEXT_MAX) {
                    // refused here, in words, rather than by the presence service (which would fail the whole MO)
                    replies.send(from, lang, "status.too.long", PresenceService.STATUS_TEXT_MAX, s.text().length());
                    return;
                }
                presence.update(from, s.availability(), s.text(), null);
                String word = replies.text(lang, "presence." + (s.availability() == io.mobim.platform.presence.Availability.INVISIBLE
                        ? "OFFLINE" : s.availability().name()));
                replies.send(from, lang, "status.set", s.text() == null ? word : word + " - " + s.text());
            }
            case SmsCommand.Join j -> {
                RoomMember m = rooms.join(from, j.room(), j.nickname());
                replies.send(from, lang, "room.joined", m.room(), m.nickname());
            }
            case SmsCommand.Leave l -> replies.send(from, lang, rooms.leave(from, l.room()) ? "room.left" : "room.not.member", l.room());
            case SmsCommand.Rooms r -> {
                List<Room> all = rooms.publicRooms();
                if (all.isEmpty()) {
                    replies.send(from, lang, "rooms.none");
                } else {
                    replies.send(from, lang, "rooms.list", all.stream().map(x -> "#" + x.name()).collect(Collectors.joining(", ")));
                }
            }
            case SmsCommand.Register r -> replies.send(from, lang, "already.registered", me.nickname());
            case SmsCommand.Stop s -> throw new IllegalStateException("handled before");
            case SmsCommand.SetPassword p -> {
                try {
                    subscribers.setPassword(from, p.password());
                    replies.send(from, lang, "password.set", from.value());
                } catch (InvalidSubscriberData e) {
                    replies.send(from, lang, "usage.pass");
                }
            }
            case SmsCommand.Listed l -> {
                directory.setListed(from, l.listed());
                replies.send(from, lang, l.listed() ? "directory.on" : "directory.off", me.nickname());
            }
            case SmsCommand.Help h -> replies.send(from, lang, h.topic() == null ? "help" : usageKey(h.topic()));
            case SmsCommand.Invalid i -> replies.send(from, lang, i.usage() == null ? "help" : "usage." + i.usage());
        }
    }

    /** Sends a message as the MO's sender; a refusal ({@link MessageRefused}) is answered by {@link #handle}. */
    private void send(Msisdn from, Target target, String text, SmsMo mo) {
        messaging.send(from, target, text, origin(mo), MessageSender.MO_CLIENT_ID_PREFIX + mo.id(), false);
    }

    /** A number that is not a subscriber: REG/START registers it where the operator allows, anything else explains how. */
    private void newcomer(Msisdn from, SmsCommand command) {
        Locale lang = Locale.forLanguageTag("en");
        if (!settings.selfRegistration()) {
            replies.send(from, lang, "not.registered.closed");
            return;
        }
        if (command instanceof SmsCommand.Register r && r.nickname() != null) {
            try {
                Subscriber s = subscribers.register(from, r.nickname(),
                        new SubscriberChanges(null, null, null, settings.selfRegistrationPlan(), null, null, null));
                replies.send(from, s.locale(), "registered", s.nickname());
            } catch (InvalidSubscriberData e) {
                replies.send(from, lang, "nickname.invalid");
            }
            return;
        }
        replies.send(from, lang, "not.registered", settings.shortCode());
    }

    private void comeBack(SmsSender me, SmsCommand.Register r) {
        subscribers.optOutOfSms(me.msisdn(), false);
        replies.send(me.msisdn(), me.locale(), "welcome.back", me.nickname());
    }

    private void answer(SmsSender me, int number, boolean accept) {
        List<PendingRequest> pending = contacts.pendingRequests(me.msisdn());
        Optional<PendingRequest> request = pending.stream().filter(p -> p.number() == number).findFirst();
        if (request.isEmpty()) {
            replies.send(me.msisdn(), me.locale(), "auth.none", number);
            return;
        }
        Msisdn watcher = request.get().watcher();
        String name = subscribers.find(watcher).map(Subscriber::nickname).orElse(watcher.value());
        if (accept) {
            contacts.accept(me.msisdn(), watcher);
            replies.send(me.msisdn(), me.locale(), "auth.accepted", name);
        } else {
            contacts.deny(me.msisdn(), watcher);
            replies.send(me.msisdn(), me.locale(), "auth.denied", name);
        }
    }

    private String contactList(SmsSender me) {
        Locale lang = me.locale();
        List<Contact> list = contacts.list(me.msisdn());
        List<PendingRequest> pending = contacts.pendingRequests(me.msisdn());
        StringBuilder out = new StringBuilder();
        if (list.isEmpty()) {
            out.append(replies.text(lang, "contacts.empty"));
        } else {
            out.append(replies.text(lang, "contacts.header"));
            for (Contact c : list) {
                out.append('\n').append(c.position()).append(' ').append(c.nickname()).append(" (")
                        .append(presenceWord(me, c, lang)).append(')');
            }
        }
        if (!pending.isEmpty()) {
            String who = pending.stream().map(p -> p.number() + " " + subscribers.find(p.watcher()).map(Subscriber::nickname)
                    .orElse(p.watcher().value())).collect(Collectors.joining(", "));
            out.append('\n').append(replies.text(lang, "contacts.pending", who));
        }
        return out.toString();
    }

    private String presenceWord(SmsSender me, Contact c, Locale lang) {
        Optional<PresenceView> view = presence.view(me.msisdn(), c.msisdn());
        if (view.isEmpty()) {
            return replies.text(lang, "presence.UNKNOWN");
        }
        PresenceView v = view.get();
        if (!v.clientOnline()) {
            return replies.text(lang, v.smsReachable() ? "presence.SMS" : "presence.OFFLINE")
                    + (v.statusText() == null ? "" : ", " + v.statusText());
        }
        return replies.text(lang, "presence." + v.availability().name()) + (v.statusText() == null ? "" : ", " + v.statusText());
    }

    private void refusedReply(SmsSender me, MessageRefused e, SmsCommand command) {
        String to = switch (command) {
            case SmsCommand.SendToContact c -> contacts.byPosition(me.msisdn(), c.position()).map(Contact::nickname).orElse("?");
            case SmsCommand.SendToNickname n -> n.nickname();
            case SmsCommand.SendToRoom r -> "#" + r.room();
            default -> "?";
        };
        replies.send(me.msisdn(), me.locale(), "refused." + e.reason().name(), to);
    }

    private static Origin origin(SmsMo mo) {
        return Origin.sms(mo.smscMessageId(), Math.max(1, mo.segments()));
    }

    private static String roomOf(SmsCommand command) {
        return switch (command) {
            case SmsCommand.Join j -> j.room();
            case SmsCommand.Leave l -> l.room();
            case SmsCommand.SendToRoom r -> r.room();
            default -> "";
        };
    }

    private static String usageKey(String topic) {
        return switch (topic) {
            case "add", "ajout", "ajouter" -> "usage.add";
            case "del", "supp", "supprimer" -> "usage.del";
            case "list", "liste", "l" -> "usage.list";
            case "accept", "accepter" -> "usage.accept";
            case "deny", "refuser" -> "usage.deny";
            case "block", "bloquer" -> "usage.block";
            case "unblock", "debloquer" -> "usage.unblock";
            case "status", "etat", "statut" -> "usage.status";
            case "join", "rejoindre" -> "usage.join";
            case "leave", "quitter" -> "usage.leave";
            case "rooms", "salons", "room", "salon" -> "usage.room";
            case "reg", "inscrire" -> "usage.reg";
            case "stop" -> "usage.stop";
            case "pass", "password", "mdp" -> "usage.pass";
            case "directory", "dir", "annuaire" -> "usage.directory";
            default -> "help";
        };
    }

    /**
     * Counts the command once it is handled for good: a poll whose transaction fails is handled again one record
     * at a time, and counting inside the transaction would count its commands twice.
     */
    private static void countOnCommit(Counter counter) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            counter.increment();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                counter.increment();
            }
        });
    }
}
