package io.mobim.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import io.mobim.events.Msisdn;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A sender's allowance, and the memory it takes: only the senders of the last period are kept. */
class SendRateLimitsTest {

    private final AtomicLong nanos = new AtomicLong();
    private final Ticker ticker = nanos::get;
    private final SendRateLimits limits = new SendRateLimits(3, Duration.ofHours(1), ticker);

    @Test
    void eachSenderHasItsOwnAllowance() {
        Msisdn alice = Msisdn.of("+447700900001");
        Msisdn bob = Msisdn.of("+447700900002");
        for (int i = 0; i < 3; i++) {
            assertThat(limits.tryAcquire(alice)).isTrue();
        }
        assertThat(limits.tryAcquire(alice)).as("the fourth within the hour").isFalse();
        assertThat(limits.tryAcquire(bob)).as("another sender is not held back").isTrue();
    }

    @Test
    void aSenderQuietForAWholePeriodIsForgottenAndComesBackWithAFullAllowance() {
        for (int n = 0; n < 1000; n++) {
            assertThat(limits.tryAcquire(Msisdn.of("+4477009" + String.format("%05d", n)))).isTrue();
        }
        Msisdn chatty = Msisdn.of("+447700911111");
        for (int i = 0; i < 3; i++) {
            limits.tryAcquire(chatty);
        }
        assertThat(limits.trackedSenders()).isEqualTo(1001);

        nanos.addAndGet(Duration.ofMinutes(30).toNanos());
        assertThat(limits.tryAcquire(chatty)).as("still used up half an hour later").isFalse();
        nanos.addAndGet(Duration.ofMinutes(61).toNanos());

        assertThat(limits.trackedSenders()).as("the thousand quiet senders are dropped").isZero();
        for (int i = 0; i < 3; i++) {
            assertThat(limits.tryAcquire(chatty)).isTrue();
        }
        assertThat(limits.tryAcquire(chatty)).isFalse();
    }
}
