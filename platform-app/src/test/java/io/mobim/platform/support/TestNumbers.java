package io.mobim.platform.support;

import io.mobim.events.Msisdn;
import java.util.concurrent.atomic.AtomicLong;

/** Fresh numbers for each test, from the UK's drama range, so that tests sharing one database never collide. */
public final class TestNumbers {

    private static final AtomicLong NEXT = new AtomicLong(System.nanoTime() % 1_000_000L * 100);

    private TestNumbers() {
    }

    public static Msisdn next() {
        long n = NEXT.incrementAndGet() % 100_000_000L;
        return Msisdn.of(String.format("+4477%08d", n));
    }
}
