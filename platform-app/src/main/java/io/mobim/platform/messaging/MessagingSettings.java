package io.mobim.platform.messaging;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Messaging.
 *
 * @param validity how long an undelivered message is kept before it expires
 * @param offlineQuota messages stored for one recipient who is neither online nor reachable by SMS
 * @param ackTimeout how long a client has to acknowledge a message before it falls back to SMS
 * @param maxLength longest message body in characters
 * @param sendLimit messages a subscriber may send per {@code sendLimitPeriod}
 * @param sendLimitPeriod the period of {@code sendLimit}
 * @param smsSender the sender shown on fallback SMS; unset, the service's short code ({@code mobim.sms.short-code})
 * @param sweepInterval how often acknowledgement timeouts and expiries are handled
 * @param groupCommit how sends from callers without a transaction of their own are committed together
 * @param retention how long a message is kept once every delivery of it is finished (delivered, failed or expired),
 *                  counted from when it was sent; then {@link MessageRetention} deletes it with its deliveries.
 *                  It must be longer than {@code validity}, and longer than the days billing may still reconcile:
 *                  the message log of a day ({@code messaging.log.MessageLog}) is read from these tables, and stays
 *                  complete while the day is more recent than {@code retention - validity}
 * @param purgeInterval how often each instance deletes what the retention let go
 * @param smsReceiptTimeout how long after a message's validity a fallback SMS still without the SMS-C's receipt is
 *                          given up as EXPIRED (the SMS-C was given the same validity, so by then it has
 *                          delivered it or given up, and its receipt was lost): its sender learns it and the message
 *                          can be purged. A receipt arriving later changes nothing
 */
@Validated
@ConfigurationProperties("mobim.messaging")
public record MessagingSettings(
        @DefaultValue("3d") Duration validity,
        @DefaultValue("100") @Min(1) int offlineQuota,
        @DefaultValue("60s") Duration ackTimeout,
        @DefaultValue("1000") @Min(1) @Max(2000) int maxLength,
        @DefaultValue("30") @Min(1) int sendLimit,
        @DefaultValue("1m") Duration sendLimitPeriod,
        @Size(min = 1) String smsSender,
        @DefaultValue("5s") Duration sweepInterval,
        @DefaultValue @Valid GroupCommit groupCommit,
        @DefaultValue("90d") Duration retention,
        @DefaultValue("10m") Duration purgeInterval,
        @DefaultValue("1h") Duration smsReceiptTimeout) {

    /** A message must never be purged while a delivery of it could still be waiting, nor its log day be cut short. */
    @AssertTrue(message = "mobim.messaging.retention must be longer than mobim.messaging.validity (a message is kept "
            + "at least until its deliveries are finished and the days billing reconciles are over)")
    public boolean isRetentionLongerThanValidity() {
        return retention.compareTo(validity) > 0;
    }

    /**
     * Group commit of sends, of the clients' fetches and acknowledgements, and of presence changes ({@link GroupCommit}).
     *
     * @param committers threads committing batches, for sends, for the clients' requests and for presence changes each: the
     *                   first commits whatever is queued when it is free; the others join in only while more than
     *                   {@code maxBatch} requests wait, each taking a full batch (on two cores shared with
     *                   PostgreSQL, committers splitting the queue cost 20% more CPU per message; docs/performance.md)
     * @param maxBatch most requests committed in one transaction
     * @param linger     how long the first committer lets a batch gather after its first request, while requests come
     *                   in together (its last batch held more than one), unless the batch fills first: a transaction's
     *                   fixed costs (planning each statement, round trips, the commit, the outbox row) then spread over
     *                   more requests. A lone request never waits; a few callers that each wait for one answer before
     *                   the next request are held for it every time (it is made for many independent clients). The
     *                   default: at 10,000 messages/s on two cores it cut the CPU per message by 15% and the send p99 with
     *                   it (docs/performance.md); 0 turns it off
     */
    public record GroupCommit(
            @DefaultValue("2") @Min(1) @Max(64) int committers,
            @DefaultValue("200") @Min(1) @Max(5000) int maxBatch,
            @DefaultValue("20ms") Duration linger) {

        /** The linger must be short: every request in a batch waits for it. */
        @AssertTrue(message = "mobim.messaging.group-commit.linger must be between 0 and 1s")
        public boolean isLingerShort() {
            return !linger.isNegative() && linger.compareTo(Duration.ofSeconds(1)) <= 0;
        }
    }
}
