package io.mobim.wv.model;

import io.mobim.wv.CspVersion;
import java.util.List;

/**
 * A {@code <WV-CSP-Message>}: one session with its descriptor and one or more transactions
 * (more than one only when the client negotiated MultiTrans &gt; 1).
 *
 * @param version the CSP version it was (or will be) spoken in
 * @param session the session descriptor
 * @param transactions at least one transaction
 */
public record WvMessage(CspVersion version, SessionDescriptor session, List<Transaction> transactions) {

    public WvMessage {
        if (version == null || session == null) {
            throw new IllegalArgumentException("version and session are required");
        }
        transactions = Lists.copy(transactions);
        if (transactions.isEmpty()) {
            throw new IllegalArgumentException("at least one transaction");
        }
    }

    /** A message with a single transaction. */
    public static WvMessage of(CspVersion version, SessionDescriptor session, Transaction transaction) {
        return new WvMessage(version, session, List.of(transaction));
    }

    /** The first (usually the only) transaction. */
    public Transaction transaction() {
        return transactions.get(0);
    }

    /** The primitive of the first transaction. */
    public Primitive primitive() {
        return transactions.get(0).primitive();
    }

    /** This message in another version (the content is version-neutral). */
    public WvMessage withVersion(CspVersion v) {
        return v == version ? this : new WvMessage(v, session, transactions);
    }
}
