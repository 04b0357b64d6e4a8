package io.mobim.platform.wv;

import io.mobim.platform.wv.blocking.WvBlocking;
import io.mobim.platform.wv.contacts.WvContactLists;
import io.mobim.platform.wv.groups.WvGroupMembers;
import io.mobim.platform.wv.groups.WvGroups;
import io.mobim.platform.wv.invitations.WvInvitations;
import io.mobim.platform.wv.messaging.WvDeliveryReports;
import io.mobim.platform.wv.messaging.WvMessaging;
import io.mobim.platform.wv.presence.WvPresence;
import io.mobim.platform.wv.search.WvSearch;
import io.mobim.platform.wv.session.DeliveryMethod;
import io.mobim.platform.wv.session.Logins;
import io.mobim.platform.wv.session.Negotiation;
import io.mobim.platform.wv.session.WakeSignals;
import io.mobim.platform.wv.session.WvSession;
import io.mobim.platform.wv.session.WvSessions;
import io.mobim.wv.CspVersion;
import io.mobim.wv.StatusCode;
import io.mobim.wv.model.BlockEntityRequest;
import io.mobim.wv.model.ClientCapabilityRequest;
import io.mobim.wv.model.GetBlockedListRequest;
import io.mobim.wv.model.CreateListRequest;
import io.mobim.wv.model.DeleteListRequest;
import io.mobim.wv.model.GetListRequest;
import io.mobim.wv.model.ListManageRequest;
import io.mobim.wv.model.Disconnect;
import io.mobim.wv.model.GetMessageRequest;
import io.mobim.wv.model.StopSearchRequest;
import io.mobim.wv.model.SearchRequest;
import io.mobim.wv.model.SetGroupPropsRequest;
import io.mobim.wv.model.RemoveGroupMembersRequest;
import io.mobim.wv.model.RejectListRequest;
import io.mobim.wv.model.MemberAccessRequest;
import io.mobim.wv.model.LeaveGroupRequest;
import io.mobim.wv.model.JoinGroupRequest;
import io.mobim.wv.model.GetGroupPropsRequest;
import io.mobim.wv.model.GetGroupMembersRequest;
import io.mobim.wv.model.DeleteGroupRequest;
import io.mobim.wv.model.CreateGroupRequest;
import io.mobim.wv.model.AddGroupMembersRequest;
import io.mobim.wv.model.InviteUserResponse;
import io.mobim.wv.model.InviteRequest;
import io.mobim.wv.model.CancelInviteRequest;
import io.mobim.wv.model.UnsubscribePresenceRequest;
import io.mobim.wv.model.RejectMessageRequest;
import io.mobim.wv.model.GetWatcherListRequest;
import io.mobim.wv.model.GetMessageListRequest;
import io.mobim.wv.model.ForwardMessageRequest;
import io.mobim.wv.model.GetPresenceRequest;
import io.mobim.wv.model.GetSpInfoRequest;
import io.mobim.wv.model.KeepAliveRequest;
import io.mobim.wv.model.KeepAliveResponse;
import io.mobim.wv.model.LoginRequest;
import io.mobim.wv.model.LogoutRequest;
import io.mobim.wv.model.MessageDelivered;
import io.mobim.wv.model.PollingRequest;
import io.mobim.wv.model.PresenceAuthUser;
import io.mobim.wv.model.SubscribePresenceRequest;
import io.mobim.wv.model.UpdatePresenceRequest;
import io.mobim.wv.model.Primitive;
import io.mobim.wv.model.Result;
import io.mobim.wv.model.SendMessageRequest;
import io.mobim.wv.model.ServiceRequest;
import io.mobim.wv.model.SetDeliveryMethodRequest;
import io.mobim.wv.model.Status;
import io.mobim.wv.model.Transaction;
import io.mobim.wv.model.TransactionMode;
import io.mobim.wv.model.WvMessage;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the transactions of one CSP message: Login and GetSPInfo outside a session, everything else (negotiation,
 * keep-alive, messaging, contact lists, presence, blocking, invitations, groups, search) in the session its SessionID names. Each transaction is answered on its own: a request that cannot be served gets a {@code Status}
 * with its code, and one failing does not keep the others of the message from their answers. A client's
 * Response-mode transactions (its acknowledgements) get no answer; a Polling-Request with nothing waiting gets none.
 */
public class CspDispatcher {

    private static final Logger log = LoggerFactory.getLogger(CspDispatcher.class);
    /** What a poll hands out first. */
    private static final List<WakeSignals.Kind> POLL_ORDER = List.of(WakeSignals.Kind.MESSAGE, WakeSignals.Kind.REPORT,
            WakeSignals.Kind.INVITATION, WakeSignals.Kind.GROUP_NOTICE, WakeSignals.Kind.AUTHORIZATION_REQUEST,
            WakeSignals.Kind.PRESENCE);

    private final WvSessions sessions;
    private final Logins logins;
    private final Negotiation negotiation;
    private final WvMessaging messaging;
    private final WvContactLists contactLists;
    private final WvPresence presence;
    private final WvBlocking blocking;
    private final WvDeliveryReports reports;
    private final WvInvitations invitations;
    private final WvGroups groups;
    private final WvGroupMembers groupMembers;
    private final WvSearch search;
    private final WakeSignals signals;
    private final List<CspRoutes> routes;

    public CspDispatcher(WvSessions sessions, Logins logins, Negotiation negotiation, WvMessaging messaging,
                         WvDeliveryReports reports, WvContactLists contactLists, WvPresence presence, WvBlocking blocking,
                         WvInvitations invitations, WvGroups groups, WvGroupMembers groupMembers, WvSearch search,
                         WakeSignals signals, List<CspRoutes> routes) {
        this.routes = List.copyOf(routes);
        this.signals = signals;
        this.search = search;
        this.groups = groups;
        this.groupMembers = groupMembers;
        this.invitations = invitations;
        this.reports = reports;
        this.presence = presence;
        this.blocking = blocking;
        this.sessions = sessions;
        this.logins = logins;
        this.negotiation = negotiation;
        this.messaging = messaging;
        this.contactLists = contactLists;
    }

    /**
     * What answers a CSP message: its transactions' answers in order (empty when nothing is to be answered), and the
     * live session it named, if one was resolved (null for none, an unknown or an ended one, or one logged out by it).
     */
    public record Answered(List<Transaction> transactions, WvSession session) {
    }

    /** The transactions that answer {@code in}, in order, each in the session the message names (resolved once). */
    public Answered answer(WvMessage in) {
        List<Transaction> answers = new ArrayList<>(in.transactions().size());
        Named named = new Named(in.session().sessionId());
        for (Transaction t : in.transactions()) {
            Transaction answer = answer(in.version(), named, t);
            if (answer != null) {
                answers.add(answer);
            }
        }
        return new Answered(answers, named.resolved);
    }

    /** The session a message names, resolved (hashed, looked up, kept alive) at its first use in the message. */
    private final class Named {
        final String sessionId;
        WvSession resolved;

        Named(String sessionId) {
            this.sessionId = sessionId;
        }

        WvSession session() {
            if (resolved == null) {
                resolved = sessions.resolve(sessionId);
            }
            return resolved;
        }
    }

    private Transaction answer(CspVersion version, Named named, Transaction t) {
        String tid = t.transactionId();
        try {
            if (t.mode() == TransactionMode.RESPONSE) {
                acknowledgement(named, t.primitive());
                return null;
            }
            return switch (t.primitive()) {
                case LoginRequest q -> Transaction.response(tid, logins.login(q, version));
                case GetSpInfoRequest q -> Transaction.response(tid, negotiation.spInfo(q));
                case PollingRequest p -> poll(named.session());
                default -> Transaction.response(tid, inSession(named, tid, t.primitive()));
            };
        } catch (CspFault f) {
            return t.mode() == TransactionMode.RESPONSE ? null : Transaction.response(tid, new Status(f.result()));
        } catch (RuntimeException e) {
            log.error("CSP {} failed", t.primitive().elementName(), e);
            return t.mode() == TransactionMode.RESPONSE ? null
                    : Transaction.response(tid, new Status(Result.of(StatusCode.INTERNAL_SERVER_ERROR)));
        }
    }

    private Primitive inSession(Named named, String tid, Primitive primitive) {
        WvSession session = named.session();
        return switch (primitive) {
            case ClientCapabilityRequest q -> negotiation.capabilities(session, q);
            case ServiceRequest q -> negotiation.services(session, q);
            case KeepAliveRequest q -> {
                int agreed = sessions.keepAliveSeconds(session);
                int keepAlive = q.timeToLive() == null ? agreed : logins.keepAliveFor(q.timeToLive());
                if (keepAlive != agreed) {
                    sessions.changeKeepAlive(session, keepAlive);
                }
                yield new KeepAliveResponse(Result.of(StatusCode.SUCCESSFUL), keepAlive);
            }
            case LogoutRequest q -> {
                sessions.logout(named.sessionId, session);
                named.resolved = null; // a later transaction of the message is refused, as the SessionID is unknown now
                yield new Disconnect(Result.of(200, "Logged out"));
            }
            case GetListRequest q -> contactLists.lists(session.msisdn());
            case CreateListRequest q -> contactLists.create(session.msisdn(), q);
            case DeleteListRequest q -> contactLists.delete(session.msisdn(), q);
            case ListManageRequest q -> contactLists.manage(session.msisdn(), q);
            case UpdatePresenceRequest q -> presence.update(session.msisdn(), q);
            case GetPresenceRequest q -> presence.get(session.msisdn(), q);
            case SubscribePresenceRequest q -> presence.subscribe(session.msisdn(), q);
            case UnsubscribePresenceRequest q -> presence.unsubscribe(session.msisdn(), q);
            case GetWatcherListRequest q -> presence.watchers(session.msisdn());
            case PresenceAuthUser q -> presence.authorize(session.msisdn(), q);
            case SearchRequest q -> search.search(q);
            case StopSearchRequest q -> search.stop(q);
            case CreateGroupRequest q -> groups.create(session.msisdn(), q);
            case DeleteGroupRequest q -> groups.delete(session.msisdn(), q);
            case JoinGroupRequest q -> groups.join(session, q);
            case LeaveGroupRequest q -> groups.leave(session.msisdn(), q);
            case GetGroupPropsRequest q -> groups.props(q);
            case SetGroupPropsRequest q -> groups.change(session.msisdn(), q);
            case GetGroupMembersRequest q -> groupMembers.members(session.msisdn(), q);
            case AddGroupMembersRequest q -> groupMembers.add(session.msisdn(), q);
            case RemoveGroupMembersRequest q -> groupMembers.remove(session.msisdn(), q);
            case MemberAccessRequest q -> groupMembers.access(session.msisdn(), q);
            case RejectListRequest q -> groupMembers.reject(session.msisdn(), q);
            case InviteRequest q -> invitations.invite(session.msisdn(), q);
            case InviteUserResponse q -> invitations.answer(session.msisdn(), q);
            case CancelInviteRequest q -> invitations.cancel(session.msisdn(), q);
            case GetBlockedListRequest q -> blocking.lists(session.msisdn());
            case BlockEntityRequest q -> blocking.change(session.msisdn(), q);
            case SendMessageRequest q -> messaging.send(session, tid, q);
            case GetMessageRequest q -> messaging.get(session, q);
            case GetMessageListRequest q -> messaging.list(session, q);
            case RejectMessageRequest q -> messaging.reject(session, q);
            case ForwardMessageRequest q -> messaging.forward(session, tid, q);
            case MessageDelivered q -> {
                if (!messaging.delivered(session, q)) {
                    throw new CspFault(StatusCode.INVALID_MESSAGE_ID, "No such message waits for you");
                }
                yield new Status(Result.of(StatusCode.SUCCESSFUL));
            }
            case SetDeliveryMethodRequest q -> {
                sessions.changeDeliveryMethod(session, DeliveryMethod.of(q.deliveryMethod()));
                yield new Status(Result.of(StatusCode.SUCCESSFUL));
            }
            default -> routed(session, tid, primitive);
        };
    }

    /** The answer of the feature that serves {@code primitive} ({@link CspRoutes}); 405 when none does. */
    private Primitive routed(WvSession session, String tid, Primitive primitive) {
        for (CspRoutes r : routes) {
            Primitive answer = r.answer(session, tid, primitive);
            if (answer != null) {
                return answer;
            }
        }
        throw new CspFault(StatusCode.SERVICE_NOT_SUPPORTED, primitive.elementName() + " is not served yet");
    }

    /**
     * What waits for the client, read only when something was signalled for the session since its last poll that
     * found nothing, and only of the kinds signalled (see {@link WakeSignals}): its next message first, else a delivery
     * report, else an invitation (offered, cancelled or answered), else a change of a group it is in, else a would-be
     * watcher to authorise, else its contacts' presence changes; null when nothing waits.
     */
    private Transaction poll(WvSession session) {
        WakeSignals.Ticket ticket = signals.check(session);
        if (ticket == null) {
            return null;
        }
        for (WakeSignals.Kind kind : POLL_ORDER) {
            if (!ticket.looks(kind)) {
                continue;
            }
            Transaction next = next(kind, session);
            if (next != null) {
                if (kind == WakeSignals.Kind.MESSAGE && !Boolean.TRUE.equals(next.poll())) {
                    // the claim saw no other message waiting: one committed after it was signalled after this poll's
                    // check, so the next poll reads only if something was signalled since
                    signals.nothingFound(ticket, kind);
                } else {
                    signals.found(ticket, kind);
                }
                return next;
            }
            signals.nothingFound(ticket, kind);
        }
        return null;
    }

    /** The next transaction of {@code kind} waiting for the client, or null. */
    private Transaction next(WakeSignals.Kind kind, WvSession session) {
        return switch (kind) {
            case MESSAGE -> messaging.poll(session).orElse(null);
            case REPORT -> reports.poll(session).orElse(null);
            case INVITATION -> invitations.poll(session).orElse(null);
            case GROUP_NOTICE -> groups.poll(session).orElse(null);
            // presence changes may wait behind an authorisation request
            case AUTHORIZATION_REQUEST -> presence.authorizationRequest(session).map(a -> ServerTransactions.request(a, true)).orElse(null);
            case PRESENCE -> presence.changes(session).map(n -> ServerTransactions.request(n, false)).orElse(null);
            case SETTINGS -> null;
        };
    }

    /**
     * A client's answer to a server-initiated transaction: a confirmed message is delivered, an invitation answered
     * (some clients answer InviteUser-Request in its own transaction); a Status needs nothing.
     */
    private void acknowledgement(Named named, Primitive primitive) {
        if (primitive instanceof MessageDelivered delivered) {
            messaging.delivered(named.session(), delivered);
        } else if (primitive instanceof InviteUserResponse answer) {
            invitations.answer(named.session().msisdn(), answer);
        }
    }
}
