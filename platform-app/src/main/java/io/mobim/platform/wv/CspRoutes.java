package io.mobim.platform.wv;

import io.mobim.platform.wv.session.WvSession;
import io.mobim.wv.model.Primitive;

/**
 * A feature's in-session transactions, which {@link CspDispatcher} offers what it does not answer itself: a feature
 * adds its transactions here rather than in the dispatcher.
 */
public interface CspRoutes {

    /**
     * The answer to {@code request} in {@code session}, or null when this feature does not serve it.
     *
     * @param tid the client's TransactionID
     * @throws CspFault for a request served here that cannot be done
     */
    Primitive answer(WvSession session, String tid, Primitive request);
}
