package io.mobim.platform.wv.session;

import io.mobim.platform.wv.WvSettings;
import io.mobim.wv.CspVersion;
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
     * The functions served, in the feature tree of CSP 1.2 (each function code under the function it belongs to, as
     * Nokia's IMPS engine maps them, CPEngAccessHandler): sessions, search, invitations; contact lists, presence
     * authorisation (watcher lists, reactive authorisation, cancelling one), presence, attribute lists; sending,
     * receiving, forwarding and rejecting messages, blocking; groups, their change notices and members. CSP 1.2 adds
     * GETAUT (GetReactiveAuthStatus) and GETJU (GetJoinedUsers), which a 1.1 client has no token for.
     */
    private static WvNode served(CspVersion version) {
        boolean v12 = version == CspVersion.V1_2;
        return WvNode.of("WVCSPFeat",
                WvNode.of("FundamentalFeat", WvNode.of("ServiceFunc", WvNode.of("GETSPI")),
                        WvNode.of("SearchFunc", WvNode.of("SRCH"), WvNode.of("STSRC")),
                        WvNode.of("InviteFunc", WvNode.of("INVIT"), WvNode.of("CAINV"))),
                WvNode.of("PresenceFeat",
                        WvNode.of("ContListFunc", WvNode.of("GCLI"), WvNode.of("CCLI"), WvNode.of("DCLI"), WvNode.of("MCLS")),
                        functions("PresenceAuthFunc", v12, List.of("GETWL", REACTIVE, "CAAUT"), "GETAUT"),
                        WvNode.of("PresenceDeliverFunc", WvNode.of("GETPR"), WvNode.of("UPDPR")),
                        WvNode.of("AttListFunc", WvNode.of("CALI"), WvNode.of("DALI"), WvNode.of("GALS"))),
                WvNode.of("IMFeat",
                        WvNode.of("IMSendFunc", WvNode.of("MDELIV"), WvNode.of("FWMSG")),
                        WvNode.of("IMReceiveFunc", WvNode.of("SETD"), WvNode.of("GETLM"), WvNode.of("GETM"), WvNode.of("REJCM"),
                                WvNode.of("NOTIF"), WvNode.of("NEWM")),
                        WvNode.of("IMAuthFunc", WvNode.of("GLBLU"), WvNode.of("BLENT"))),
                WvNode.of("GroupFeat",
                        WvNode.of("GroupMgmtFunc", WvNode.of("CREAG"), WvNode.of("DELGR"), WvNode.of("GETGP"), WvNode.of("SETGP")),
                        functions("GroupUseFunc", v12, List.of("SUBGCN", "GRCHN"), "GETJU"),
                        WvNode.of("GroupAuthFunc", WvNode.of("GETGM"), WvNode.of("ADDGM"), WvNode.of("RMVGM"), WvNode.of("MBRAC"),
                                WvNode.of("REJEC"))));
    }

    /** The function code of reactive presence authorisation: a client that agrees it is asked (PresenceAuth-Request). */
    private static final String REACTIVE = "REACT";
    private static final WvNode SERVED_11 = served(CspVersion.V1_1);
    private static final WvNode SERVED_12 = served(CspVersion.V1_2);

    private static WvNode functions(String name, boolean v12, List<String> codes, String code12) {
        List<WvNode> children = new ArrayList<>(codes.stream().map(WvNode::of).toList());
        if (v12) {
            children.add(WvNode.of(code12));
        }
        return new WvNode(name, null, children);
    }

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

    /**
     * The functions agreed: those asked that are served (all served ones when the client asked for all). Whether
     * REACT is among them decides whether the client is sent presence authorisation requests (a Nokia client leaves
     * it out when its user authorises by attribute lists instead).
     */
    public ServiceResponse services(WvSession session, ServiceRequest q) {
        WvNode served = session.version() == CspVersion.V1_2 ? SERVED_12 : SERVED_11;
        WvNode asked = q.functions() == null ? null : q.functions().child("WVCSPFeat");
        WvNode agreed = asked == null || Boolean.TRUE.equals(q.allFunctionsRequest()) ? served : intersect(asked, served);
        WvNode presenceAuth = agreed.child("PresenceFeat") == null ? null : agreed.child("PresenceFeat").child("PresenceAuthFunc");
        boolean reactive = presenceAuth != null && presenceAuth.child(REACTIVE) != null;
        if (reactive != sessions.reactiveAuthorization(session)) {
            sessions.changeReactiveAuthorization(session, reactive);
        }
        return new ServiceResponse(q.clientId(), WvNode.of("Functions", agreed), WvNode.of("AllFunctions", served));
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
