package io.mobim.billing.gateway;

import io.mobim.events.sms.SmsDlr;
import io.mobim.events.sms.SmsMo;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * One SMS as the gateway reported it: an MO the SMS-C delivered to us, or an MT with its latest outcome.
 *
 * @param direction     MO or MT
 * @param factId        the gateway's MO id, or the MT's request id: the key, so replays change nothing
 * @param smscReference the SMS-C message id of the (first) part, or null if the SMS-C gave none
 * @param status        RECEIVED (MO), or the MT's most advanced outcome
 * @param businessDay   the business day the gateway first reported it
 * @param segments      parts (MO) or parts accepted by the SMS-C (MT)
 * @param service       the MT's service marker ({@code im.message} for a message delivery), null for an MO
 */
public record GatewayFact(Direction direction, String factId, String smscReference, Status status, LocalDate businessDay,
        int segments, String service, String errorCode, Instant firstAt, Instant statusAt) {

    /** MO: from the subscriber to us; MT: from us to the subscriber. */
    public enum Direction { MO, MT }

    /** RECEIVED for an MO; for an MT the outcomes of {@link SmsDlr.Status}. */
    public enum Status {
        RECEIVED, ACCEPTED, DELIVERED, FAILED, EXPIRED, REJECTED;

        /** An outcome the gateway will not change any more (everything but ACCEPTED). */
        public boolean isFinal() {
            return this != ACCEPTED;
        }

        /** The MT did not reach the handset. */
        public boolean isFailure() {
            return this == FAILED || this == EXPIRED || this == REJECTED;
        }
    }

    public GatewayFact {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(factId, "factId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(businessDay, "businessDay");
    }

    public static GatewayFact of(SmsMo mo, ZoneId zone) {
        return new GatewayFact(Direction.MO, mo.id(), mo.smscMessageId(), Status.RECEIVED,
                LocalDate.ofInstant(mo.receivedAt(), zone), mo.segments(), null, null, mo.receivedAt(), mo.receivedAt());
    }

    public static GatewayFact of(SmsDlr dlr, ZoneId zone) {
        List<String> ids = dlr.smscMessageIds();
        return new GatewayFact(Direction.MT, dlr.requestId(), ids.isEmpty() ? null : ids.getFirst(),
                Status.valueOf(dlr.status().name()), LocalDate.ofInstant(dlr.at(), zone), ids.size(), dlr.service(),
                dlr.errorCode(), dlr.at(), dlr.at());
    }

    public String key() {
        return direction + "/" + factId;
    }

    /**
     * This fact followed by a later report of the same SMS: the first final outcome wins over ACCEPTED and is then
     * kept, the first reference and day are kept, the most parts are kept. The same rule as the upsert in
     * {@link GatewayFactStore}, so a batch folds exactly as the database would.
     */
    public GatewayFact then(GatewayFact later) {
        boolean advance = !status.isFinal() && later.status.isFinal();
        return new GatewayFact(direction, factId, smscReference != null ? smscReference : later.smscReference,
                advance ? later.status : status, businessDay, Math.max(segments, later.segments),
                service != null ? service : later.service, advance ? later.errorCode : errorCode,
                firstAt.isBefore(later.firstAt) ? firstAt : later.firstAt, advance ? later.statusAt : statusAt);
    }
}
