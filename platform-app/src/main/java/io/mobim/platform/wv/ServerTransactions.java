package io.mobim.platform.wv;

import io.mobim.wv.model.Primitive;
import io.mobim.wv.model.Transaction;
import io.mobim.wv.model.TransactionMode;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Transactions the server starts (a new message, a presence notification), handed out on a client's poll. */
public final class ServerTransactions {

    private ServerTransactions() {
    }

    /**
     * A server-initiated request with its own TransactionID, which the client's answer echoes.
     *
     * @param more the {@code Poll} flag: more waits, the client should poll again at once
     */
    public static Transaction request(Primitive primitive, boolean more) {
        return new Transaction(TransactionMode.REQUEST, "mobim-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()),
                more, primitive);
    }
}
