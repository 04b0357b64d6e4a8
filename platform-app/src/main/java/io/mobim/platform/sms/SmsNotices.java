package io.mobim.platform.sms;

import io.mobim.platform.contacts.AuthorizationAnswered;
import io.mobim.platform.contacts.AuthorizationRequested;
import io.mobim.platform.contacts.AuthorizationState;
import io.mobim.platform.invitations.InvitationSent;
import io.mobim.platform.messaging.DeliveryReported;
import io.mobim.platform.messaging.Interconnect;
import io.mobim.platform.presence.ClientSessions;
import io.mobim.events.Msisdn;
import io.mobim.platform.subscribers.Subscriber;
import io.mobim.platform.subscribers.Subscribers;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.event.EventListener;

/**
 * Tells SMS users what happened to them: authorisation requests and answers, delivery reports, invitations
 * for numbers not on the service. Runs in the transaction of the fact, so a notice exists exactly when the
 * fact does. Subscribers with a live client session get these in the client instead; STOP silences all.
 */
class SmsNotices {

    private final Subscribers subscribers;
    private final ClientSessions clientSessions;
    private final SmsReplies replies;
    private final SmsSettings settings;
    private final Interconnect interconnect;

    SmsNotices(Subscribers subscribers, ClientSessions clientSessions, SmsReplies replies, SmsSettings settings, Interconnect interconnect) {
        this.interconnect = interconnect;
        this.subscribers = subscribers;
        this.clientSessions = clientSessions;
        this.replies = replies;
        this.settings = settings;
    }

    @EventListener
    void onAuthorizationRequested(AuthorizationRequested e) {
        Optional<Subscriber> presentity = subscribers.find(e.presentity());
        if (presentity.isEmpty()) {
            // a peer operator's subscriber is not invited to join here: they are reached through their own operator
            if (settings.inviteNonSubscribers() && settings.selfRegistration()
                    && interconnect.peersOf(List.of(e.presentity().value())).isEmpty()) {
                replies.send(e.presentity(), Locale.forLanguageTag("en"), "invite", e.watcherNickname(), settings.shortCode());
            }
            return;
        }
        smsUser(e.presentity()).ifPresent(s -> replies.send(s.msisdn(), s.locale(), "auth.request",
                e.watcherNickname(), e.watcher().value(), e.number()));
    }

    @EventListener
    void onAuthorizationAnswered(AuthorizationAnswered e) {
        if (e.state() != AuthorizationState.ACCEPTED) {
            return; // a refusal is not announced
        }
        String name = subscribers.find(e.presentity()).map(Subscriber::nickname).orElse(e.presentity().value());
        smsUser(e.watcher()).ifPresent(s -> replies.send(s.msisdn(), s.locale(), "auth.accepted.notice", name));
    }

    @EventListener
    void onDeliveryReported(DeliveryReported e) {
        smsUser(e.sender()).ifPresent(s -> replies.send(s.msisdn(), s.locale(), "delivery." + e.status().name(), e.recipientAlias()));
    }

    /** An invitation to an SMS user: they learn who invites them to what, with the note; they answer by contacting them. */
    @EventListener
    void onInvitationSent(InvitationSent e) {
        var invitation = e.invitation();
        smsUser(invitation.invitee()).ifPresent(s -> replies.send(s.msisdn(), s.locale(), "invitation." + invitation.kind().name(),
                e.inviterNickname(), invitation.inviter().value(), invitation.note() == null ? "" : " " + invitation.note(),
                invitation.groupId() == null ? "" : invitation.groupId()));
    }

    /** The subscriber if SMS is how to reach them now: active, not opted out, no live client session. */
    private Optional<Subscriber> smsUser(Msisdn msisdn) {
        return subscribers.findActive(msisdn).filter(s -> !s.smsOptedOut()).filter(s -> !clientSessions.isClientOnline(msisdn));
    }
}
