package io.mobim.platform.messaging;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.mobim.events.Msisdn;
import java.time.Duration;

/**
 * Each sender's allowance: {@code limit} messages per {@code period}, a Resilience4j rate limiter per subscriber.
 * Only the senders of the last period are kept: a limiter left unused for a whole period has its full allowance
 * back, so the one made anew at the sender's next message allows the same. (A registry holding every sender ever
 * seen grew by one limiter per subscriber, for as long as the instance ran.)
 */
final class SendRateLimits {

    private final RateLimiterConfig config;
    private final Cache<String, RateLimiter> limiters;

    SendRateLimits(int limit, Duration period) {
        this(limit, period, Ticker.systemTicker());
    }

    SendRateLimits(int limit, Duration period, Ticker ticker) {
        this.config = RateLimiterConfig.custom()
                .limitForPeriod(limit)
                .limitRefreshPeriod(period)
                .timeoutDuration(Duration.ZERO)
                .build();
        this.limiters = Caffeine.newBuilder().expireAfterAccess(period).ticker(ticker).build();
    }

    /** Takes one of {@code sender}'s allowance; false if it is used up for now. */
    boolean tryAcquire(Msisdn sender) {
        return limiters.get(sender.value(), name -> RateLimiter.of(name, config)).acquirePermission();
    }

    /** Senders whose allowance is being tracked (those who sent within the last period, about). */
    long trackedSenders() {
        limiters.cleanUp();
        return limiters.estimatedSize();
    }
}
