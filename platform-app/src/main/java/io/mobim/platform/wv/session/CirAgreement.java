package io.mobim.platform.wv.session;

import java.util.List;

/** How a client that asked for one of {@code SupportedCIRMethod} is woken: agreed in its ClientCapability. */
public interface CirAgreement {

    /** No CIR: the client polls. */
    CirAgreement NONE = (session, supported) -> Agreed.NONE;

    /** Agrees one of the methods the client supports (or none) for its session, and says how to reach it. */
    Agreed agree(WvSession session, List<String> supported);

    /**
     * What was agreed.
     *
     * @param methods the {@code SupportedCIRMethod} agreed: one, or none
     * @param tcpAddress for STCP, where the client connects ({@code TCPAddress}); else null
     * @param tcpPort for STCP, the port ({@code TCPPort}); else null
     */
    record Agreed(List<String> methods, String tcpAddress, Integer tcpPort) {

        public static final Agreed NONE = new Agreed(List.of(), null, null);

        public Agreed {
            methods = List.copyOf(methods);
        }
    }
}
