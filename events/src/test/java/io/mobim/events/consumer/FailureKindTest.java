package io.mobim.events.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.events.MalformedEvent;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;

/** The failures consumers meet, as the database driver, the pool, Spring and Kafka wrap them. */
class FailureKindTest {

    @Test
    void aDatabaseThatRefusesConnectionsIsAnOutageHoweverDeeplyWrapped() {
        // what a listener sees when PostgreSQL is down: Spring's wrapper of Hikari's timeout of the driver's refusal
        var refused = new SQLException("Connection to 127.0.0.1:5432 refused", "08001", new ConnectException("Connection refused"));
        var pool = new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 30000ms", refused);
        var tx = new CannotCreateTransactionException("Could not open JPA EntityManager for transaction", pool);
        assertThat(FailureKind.of(listenerFailure(tx))).isEqualTo(FailureKind.OUTAGE);
        assertThat(FailureKind.of(new SQLException("the database system is shutting down", "57P03"))).isEqualTo(FailureKind.OUTAGE);
        assertThat(FailureKind.of(new SQLException("too many connections", "53300"))).isEqualTo(FailureKind.OUTAGE);
        assertThat(FailureKind.of(new SQLException("could not serialize access", "40001"))).isEqualTo(FailureKind.OUTAGE);
        assertThat(FailureKind.of(new CannotAcquireLockException("deadlock", new SQLException("deadlock detected", "40P01"))))
                .isEqualTo(FailureKind.OUTAGE);
        assertThat(FailureKind.of(new org.apache.kafka.common.errors.TimeoutException("Expiring 3 record(s)")))
                .isEqualTo(FailureKind.OUTAGE);
    }

    @Test
    void whatCanNeverBeHandledIsPermanentEvenWhenAnOutageIsAlsoInTheChain() {
        assertThat(FailureKind.of(listenerFailure(new MalformedEvent("not a valid SmsMo")))).isEqualTo(FailureKind.PERMANENT);
        assertThat(FailureKind.of(listenerFailure(new DataIntegrityViolationException("bad",
                new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021"))))).isEqualTo(FailureKind.PERMANENT);
        assertThat(FailureKind.of(new MalformedEvent("outside the window", new SQLException("lost", "08006"))))
                .isEqualTo(FailureKind.PERMANENT);
    }

    @Test
    void aConstraintOrABugIsUnknown() {
        assertThat(FailureKind.of(listenerFailure(new DataIntegrityViolationException("dup",
                new SQLException("duplicate key value violates unique constraint", "23505"))))).isEqualTo(FailureKind.UNKNOWN);
        assertThat(FailureKind.of(listenerFailure(new NullPointerException()))).isEqualTo(FailureKind.UNKNOWN);
    }

    private static Exception listenerFailure(Throwable cause) {
        return new ListenerExecutionFailedException("Listener failed", new BatchListenerFailedException("record 0 failed", cause, 0));
    }
}
