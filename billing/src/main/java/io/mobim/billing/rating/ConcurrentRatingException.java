package io.mobim.billing.rating;

import org.springframework.dao.ConcurrencyFailureException;

/**
 * Another transaction rated the same subscriber at the same time (a usage counter moved under us, or the same event
 * was inserted first): this transaction is rolled back and the batch is rated again, which then skips what the
 * other one did. Transient by nature (a {@link ConcurrencyFailureException}): retried, never dead-lettered.
 */
public class ConcurrentRatingException extends ConcurrencyFailureException {

    public ConcurrentRatingException(String message) {
        super(message);
    }
}
