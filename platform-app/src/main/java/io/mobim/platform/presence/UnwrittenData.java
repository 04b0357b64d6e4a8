package io.mobim.platform.presence;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Bytes client sessions moved through this instance that are not written yet ({@link ClientSessions#addData}), in
 * memory: taken by the statement that writes them, and counted again should its transaction roll back.
 */
final class UnwrittenData {

    private final Map<UUID, Long> bytes = new ConcurrentHashMap<>();

    /** Counts {@code n} more bytes of {@code sessionId}; {@code n} is at least 0. */
    void add(UUID sessionId, long n) {
        if (n > 0) {
            bytes.merge(sessionId, n, Long::sum);
        }
    }

    boolean isEmpty() {
        return bytes.isEmpty();
    }

    /** The sessions that have bytes counted. */
    UUID[] sessions() {
        return bytes.keySet().toArray(UUID[]::new);
    }

    /** Takes the bytes of a session that ended, 0 for none; they are not counted again. */
    long remove(UUID sessionId) {
        Long unwritten = bytes.remove(sessionId);
        return unwritten == null ? 0 : unwritten;
    }

    /**
     * Takes the unwritten bytes of {@code ids} (0 for none); should the transaction writing them roll back, they are
     * counted again.
     */
    Long[] take(UUID[] ids) {
        Long[] data = new Long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            Long counted = bytes.remove(ids[i]);
            data[i] = counted == null ? 0L : counted;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        for (int i = 0; i < ids.length; i++) {
                            add(ids[i], data[i]);
                        }
                    }
                }
            });
        }
        return data;
    }
}
