package io.mobim.events.consumer;

import io.mobim.events.MalformedEvent;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import org.apache.kafka.common.errors.RetriableException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionTimedOutException;

/**
 * Why handling a consumed record failed, which decides what its consumer does with it.
 *
 * <ul>
 *   <li>{@link #OUTAGE}: something the record needs is away (the database refuses connections, the pool timed out,
 *       a failover, a serialization conflict, Kafka timed out, a handler's {@link Outage}: a peer operator's
 *       platform does not answer). The record is fine: the consumer waits and tries
 *       again for as long as it takes, never dead-letters it.</li>
 *   <li>{@link #PERMANENT}: the record can never be handled as it is (unreadable, malformed, outside the accepted
 *       window, data the database refuses: SQL state class 22). It goes to the dead-letter topic at once, with the
 *       reason, and the records behind it go on.</li>
 *   <li>{@link #UNKNOWN}: anything else, a constraint the record breaks (SQL state class 23, which a race between two
 *       consumers can also cause) or a bug. Tried again a few times, then dead-lettered with the reason, from where
 *       it can be replayed once the cause is fixed.</li>
 * </ul>
 */
public enum FailureKind {
    OUTAGE,
    PERMANENT,
    UNKNOWN;

    /** SQL state classes and states of an unavailable or overloaded database, or of a conflict that a retry resolves. */
    private static final Set<String> OUTAGE_STATE_CLASSES = Set.of(
            "08",   // connection exception: refused, lost, failover
            "53",   // insufficient resources: too many connections, disk full, out of memory
            "57",   // operator intervention: admin shutdown, crash shutdown, cannot connect now, query cancelled
            "58");  // system error: I/O error
    private static final Set<String> OUTAGE_STATES = Set.of(
            "40001",  // serialization failure
            "40P01",  // deadlock detected
            "55P03",  // lock not available
            "55006",  // object in use
            "25006"); // read-only transaction: a standby promoted late after a failover

    /** The kind of {@code failure}, from every exception in its cause chain: a permanent cause wins over an outage. */
    public static FailureKind of(Throwable failure) {
        boolean outage = false;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (isPermanent(t)) {
                return PERMANENT;
            }
            outage |= isOutage(t);
        }
        return outage ? OUTAGE : UNKNOWN;
    }

    private static boolean isPermanent(Throwable t) {
        return t instanceof MalformedEvent || t instanceof DeserializationException
                || t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22");
    }

    private static boolean isOutage(Throwable t) {
        if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() == 5) {
            String state = sql.getSQLState();
            if (OUTAGE_STATE_CLASSES.contains(state.substring(0, 2)) || OUTAGE_STATES.contains(state)) {
                return true;
            }
        }
        return t instanceof Outage || t instanceof SQLTransientException || t instanceof SQLRecoverableException
                || t instanceof SQLNonTransientConnectionException
                || t instanceof ConnectException || t instanceof SocketException || t instanceof UnknownHostException
                || t instanceof InterruptedIOException
                || t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException
                || t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                || t instanceof TransactionTimedOutException
                || t instanceof RetriableException;
    }
}
