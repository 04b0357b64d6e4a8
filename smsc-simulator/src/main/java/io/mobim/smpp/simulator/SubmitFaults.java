package io.mobim.smpp.simulator;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.jsmpp.SMPPConstant;
import org.jsmpp.extra.ProcessRequestException;

/**
 * The faults a test asks of the simulator's submit_sm answers: the next ones throttled or failed, those matching a
 * rule failed, and every one slowed down.
 */
final class SubmitFaults {

    private static final class FaultRule {
        final Predicate<SubmittedPart> which;
        final int status;
        final AtomicInteger remaining;

        FaultRule(Predicate<SubmittedPart> which, int status, int times) {
            this.which = which;
            this.status = status;
            this.remaining = new AtomicInteger(times);
        }
    }

    private final AtomicInteger throttleNext = new AtomicInteger();
    private final AtomicInteger failNext = new AtomicInteger();
    private final List<FaultRule> faultRules = new CopyOnWriteArrayList<>();
    private volatile int failStatus = SMPPConstant.STAT_ESME_RSUBMITFAIL;
    private volatile long submitDelayMillis;

    void throttleNext(int n) {
        throttleNext.set(n);
    }

    void failNext(int n, int commandStatus) {
        failStatus = commandStatus;
        failNext.set(n);
    }

    void failWhere(Predicate<SubmittedPart> which, int commandStatus, int times) {
        faultRules.add(new FaultRule(which, commandStatus, times));
    }

    void slowDown(Duration delay) {
        submitDelayMillis = delay.toMillis();
    }

    /** How long to take over each submit_sm, 0 for no delay. */
    long submitDelayMillis() {
        return submitDelayMillis;
    }

    /** The answer to the next submit_sm if it is to be throttled or failed whatever it holds; null if not. */
    ProcessRequestException nextRefusal() {
        if (throttleNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return new ProcessRequestException("throttled", SMPPConstant.STAT_ESME_RTHROTTLED);
        }
        if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return new ProcessRequestException("failed by the test", failStatus);
        }
        return null;
    }

    /** The answer to a submit_sm of {@code candidate} if a rule fails it; null if none does. */
    ProcessRequestException refusalOf(SubmittedPart candidate) {
        for (FaultRule rule : faultRules) {
            if (rule.which.test(candidate) && rule.remaining.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return new ProcessRequestException("failed by a test rule", rule.status);
            }
        }
        return null;
    }
}
