package io.mobim.platform.wv.cir;

import io.mobim.platform.wv.session.CirAgreement;
import io.mobim.platform.wv.session.WvSession;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Agrees how a client is woken: the first of the operator's {@code mobim.wv.cir.methods} the client supports (STCP only
 * while this instance's TCP port is open; every instance listens on the same port behind the address clients are
 * told), kept with the session in {@code im.wv_session.cir_method} for every instance; none, and the client polls.
 */
public class CirNegotiation implements CirAgreement {

    private final JdbcClient jdbc;
    private final CirSettings settings;
    private final TcpCirServer tcp;

    public CirNegotiation(JdbcClient jdbc, CirSettings settings, TcpCirServer tcp) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.tcp = tcp;
    }

    @Override
    public Agreed agree(WvSession session, List<String> supported) {
        CirMethod chosen = null;
        for (CirMethod m : settings.methods()) {
            if ((m != CirMethod.STCP || tcp.listening()) && supported.stream().anyMatch(s -> CirMethod.of(s) == m)) {
                chosen = m;
                break;
            }
        }
        jdbc.sql("update im.wv_session set cir_method = ? where client_session_id = ?")
                .params(chosen == null ? null : chosen.name(), session.clientSession()).update();
        if (chosen == null) {
            return Agreed.NONE;
        }
        return chosen == CirMethod.STCP ? new Agreed(List.of(chosen.name()), tcp.address(), tcp.port())
                : new Agreed(List.of(chosen.name()), null, null);
    }
}
