package io.mobim.platform.sms;

import io.mobim.events.sms.SmsMo;
import io.mobim.platform.messaging.MessageSender;
import io.mobim.platform.messaging.Origin;
import io.mobim.platform.messaging.SendOutcome;
import io.mobim.platform.messaging.SendRequest;
import io.mobim.platform.messaging.Target;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.List;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.transaction.annotation.Transactional;

/**
 * Handles a poll of MOs as a set, in one transaction: one statement marks them handled and reads their senders and
 * the contacts their commands name ({@link HandledMos}); the messages to contacts ({@code <n> <text>}, nearly all of
 * the traffic) go to the messaging core together ({@link MessageSender#sendAll}: one read routes them all, one statement
 * stores them, and their MTs and charging events share the transaction's one outbox row). Any other command is
 * carried out on its own by {@link SmsCommandHandler}, in its place: the messages before it are sent first, so a
 * subscriber's commands take effect in the order they were texted.
 */
public class SmsCommandBatch {

    private final SmsCommandHandler handler;
    private final HandledMos handled;
    private final MessageSender messaging;
    private final SmsReplies replies;
    private final EntityManagerFactory jpa;

    /** @param jpa the persistence unit sharing the transaction (flushed after each command carried out alone), or null */
    SmsCommandBatch(SmsCommandHandler handler, HandledMos handled, MessageSender messaging, SmsReplies replies, EntityManagerFactory jpa) {
        this.handler = handler;
        this.handled = handled;
        this.messaging = messaging;
        this.replies = replies;
        this.jpa = jpa;
    }

    /** Handles the MOs in order; those handled before (replays) are skipped. Joins the caller's transaction. */
    @Transactional
    public void handleAll(List<SmsMo> mos) {
        List<SmsCommand> commands = new ArrayList<>(mos.size());
        for (SmsMo mo : mos) {
            commands.add(handler.parse(mo));
        }
        List<HandledMos.Fresh> fresh = handled.mark(mos, commands);
        List<ToContact> sends = new ArrayList<>(mos.size());
        for (int i = 0; i < mos.size(); i++) {
            HandledMos.Fresh f = fresh.get(i);
            if (f == null) {
                continue; // handled before
            }
            SmsMo mo = mos.get(i);
            handler.counted(commands.get(i));
            if (commands.get(i) instanceof SmsCommand.SendToContact c && f.contact() != null
                    && f.sender().filter(SmsSender::mayCommand).isPresent()) {
                sends.add(new ToContact(mo, f.sender().get(), f.contact(), c.text()));
                continue;
            }
            send(sends);
            handler.handleFresh(mo, commands.get(i), f.sender());
            flushPersistenceContext();
        }
        send(sends);
    }

    /** Sends the messages to contacts gathered so far, together; a refused one is answered, in words, to its sender. */
    private void send(List<ToContact> sends) {
        if (sends.isEmpty()) {
            return;
        }
        List<SendRequest> requests = new ArrayList<>(sends.size());
        for (ToContact s : sends) {
            requests.add(new SendRequest(s.sender().msisdn(), Target.subscriber(s.contact().msisdn()), s.text(),
                    Origin.sms(s.mo().smscMessageId(), Math.max(1, s.mo().segments())), MessageSender.MO_CLIENT_ID_PREFIX + s.mo().id(),
                    false));
        }
        List<SendOutcome> outcomes = messaging.sendAll(requests);
        for (int i = 0; i < outcomes.size(); i++) {
            SendOutcome outcome = outcomes.get(i);
            if (outcome.refusal() != null) {
                ToContact s = sends.get(i);
                replies.send(s.sender().msisdn(), s.sender().locale(), "refused." + outcome.refusal().reason().name(),
                        s.contact().nickname());
            }
        }
        sends.clear();
    }

    /** So that what a command wrote through JPA is seen by the statements of the commands after it. */
    private void flushPersistenceContext() {
        if (jpa == null) {
            return;
        }
        EntityManager em = EntityManagerFactoryUtils.getTransactionalEntityManager(jpa);
        if (em != null) {
            em.flush();
            em.clear();
        }
    }

    private record ToContact(SmsMo mo, SmsSender sender, HandledMos.ContactAtPosition contact, String text) {
    }
}
