package io.mobim.platform.wv.session;

import io.mobim.platform.wv.WvSettings;
import io.mobim.wv.model.CapabilityList;
import io.mobim.wv.model.ClientCapabilityRequest;
import io.mobim.wv.model.ClientCapabilityResponse;
import io.mobim.wv.model.GetSpInfoRequest;
import io.mobim.wv.model.GetSpInfoResponse;
import io.mobim.wv.model.ServiceRequest;
import io.mobim.wv.model.ServiceResponse;
import io.mobim.wv.model.WvNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What a client and this server agree after login: its capabilities (delivery method, content, polling) and the
 * CSP functions it may use. The Service-Response always carries {@code AllFunctions}, which some clients read
 * unconditionally; {@code Functions} is what the client asked for that is served here.
 */
public class Negotiation {

    /** The largest ContentData a client is sent, in bytes of the content (a message body is at most 2,000 characters). */
    private static final int CONTENT_LENGTH = 8192;
    /**
     * The functions served (CSP 1.2 feature tree): sessions, search, invitations, contact lists, presence and watcher
     * lists, sending, receiving, forwarding and rejecting messages, blocking, groups. Not attribute lists, reactive
     * authorisation, nor group notice subscription.
     */
    private static final WvNode SERVED = WvNode.of("WVCSPFeat",
            WvNode.of("FundamentalFeat", WvNode.of("ServiceFunc", WvNode.of("GETSPI")),
                    WvNode.of("SearchFunc", WvNode.of("SRCH"), WvNode.of("STSRC")),
                    WvNode.of("InviteFunc", WvNode.of("INVIT"), WvNode.of("CAINV"))),
            WvNode.of("PresenceFeat", WvNode.of("ContListFunc", WvNode.of("GCLI"), WvNode.of("CCLI"), WvNode.of("DCLI"), WvNode.of("MCLS")),
                    WvNode.of("PresenceAuthFunc", WvNode.of("GETWL")),
                    WvNode.of("PresenceDeliverFunc", WvNode.of("GETPR"), WvNode.of("UPDPR"))),
            WvNode.of("IMFeat",
                    WvNode.of("IMSendFunc", WvNode.of("MDELIV"), WvNode.of("FWMSG")),
                    WvNode.of("IMReceiveFunc", WvNode.of("SETD"), WvNode.of("GETLM"), WvNode.of("GETM"), WvNode.of("REJCM"),
                            WvNode.of("NEWM"), WvNode.of("NOTIF")),
                    WvNode.of("IMAuthFunc", WvNode.of("GLBLU"), WvNode.of("BLENT"))),
            WvNode.of("GroupFeat",
                    WvNode.of("GroupMgmtFunc", WvNode.of("CREAG"), WvNode.of("DELGR"), WvNode.of("GETGP"), WvNode.of("SETGP")),
                    WvNode.of("GroupUseFunc", WvNode.of("GRCHN")),
                    WvNode.of("GroupAuthFunc", WvNode.of("GETGM"), WvNode.of("ADDGM"), WvNode.of("RMVGM"), WvNode.of("MBRAC"),
                            WvNode.of("REJEC"))));

    private final WvSessions sessions;
    private final WvSettings settings;
    private final CirAgreement cir;

    public Negotiation(WvSessions sessions, WvSettings settings, CirAgreement cir) {
        this.sessions = sessions;
        this.settings = settings;
        this.cir = cir;
    }

    /**
     * Agrees the client's capabilities: the delivery method it asked, text content, HTTP, and a CIR method among those
     * it supports (with where to connect for STCP) or none, when it polls.
     */
    public ClientCapabilityResponse capabilities(WvSession session, ClientCapabilityRequest q) {
        CapabilityList asked = q.capabilityList();
        DeliveryMethod method = DeliveryMethod.of(asked == null ? null : asked.initialDeliveryMethod());
        sessions.changeDeliveryMethod(session, method);
        Integer parserSize = asked == null ? null : asked.parserSize();
        Integer contentLength = asked == null || asked.acceptedContentLength() == null ? CONTENT_LENGTH
                : Math.min(CONTENT_LENGTH, asked.acceptedContentLength());
        CirAgreement.Agreed wake = cir.agree(session, asked == null ? List.of() : asked.supportedCirMethods());
        CapabilityList agreed = new CapabilityList(asked == null ? null : asked.clientType(), method.code(),
                List.of("text/plain"), List.of(106), List.of("None", "BASE64"), contentLength, null, List.of("HTTP"), 1,
                parserSize, wake.methods(), null, wake.tcpAddress(), wake.tcpPort(), settings.serverPollMin(),
                asked == null ? null : asked.defaultLanguage());
        return new ClientCapabilityResponse(q.clientId(), agreed);
    }

    /** The functions agreed: those asked that are served (all served ones when the client asked for all). */
    public ServiceResponse services(ServiceRequest q) {
        WvNode asked = q.functions() == null ? null : q.functions().child("WVCSPFeat");
        WvNode agreed = asked == null || Boolean.TRUE.equals(q.allFunctionsRequest()) ? SERVED : intersect(asked, SERVED);
        return new ServiceResponse(q.clientId(), WvNode.of("Functions", agreed), WvNode.of("AllFunctions", SERVED));
    }

    /** The service provider's description. */
    public GetSpInfoResponse spInfo(GetSpInfoRequest q) {
        return new GetSpInfoResponse(q.clientId(), settings.serviceName(), null, settings.serviceDescription(), settings.serviceUrl());
    }

    /** What of {@code asked} is in {@code served}: an element asked without children means all of it. */
    private static WvNode intersect(WvNode asked, WvNode served) {
        if (asked.children().isEmpty()) {
            return served;
        }
        List<WvNode> kept = new ArrayList<>();
        for (WvNode a : asked.children()) {
            WvNode s = served.child(a.name());
            if (s != null) {
                kept.add(intersect(a, s));
            }
        }
        return new WvNode(served.name(), null, kept);
    }
}
