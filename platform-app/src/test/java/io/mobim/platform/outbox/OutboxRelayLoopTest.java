package io.mobim.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The relay's own thread: woken by commits, coalescing, and a stop that lets a round finish. */
class OutboxRelayLoopTest {

    private static final Duration NEVER = Duration.ofHours(1);

    @Test
    void aCommitWakesTheRelayWithoutWaitingForTheInterval() {
        AtomicInteger drains = new AtomicInteger();
        OutboxRelayLoop loop = new OutboxRelayLoop(drains::incrementAndGet, NEVER, Duration.ofSeconds(5));
        loop.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> drains.get() == 1); // the first round at start
            loop.wakeUp();
            await().atMost(Duration.ofSeconds(10)).until(() -> drains.get() == 2);
        } finally {
            loop.stop();
        }
    }

    @Test
    void wakeUpsDuringARoundCoalesceIntoOneMoreRound() throws Exception {
        CountDownLatch inFirstRound = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger drains = new AtomicInteger();
        OutboxRelayLoop loop = new OutboxRelayLoop(() -> {
            if (drains.incrementAndGet() == 1) {
                inFirstRound.countDown();
                awaitQuietly(release);
            }
        }, NEVER, Duration.ofSeconds(5));
        loop.start();
        try {
            assertThat(inFirstRound.await(10, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 100; i++) {
                loop.wakeUp();
            }
            release.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> drains.get() == 2);
            Thread.sleep(200); // no third round may follow from the 99 other wake-ups
            assertThat(drains).hasValue(2);
        } finally {
            loop.stop();
        }
    }

    @Test
    void stopLetsTheRoundInProgressFinishAndEndsTheThread() throws Exception {
        CountDownLatch inRound = new CountDownLatch(1);
        AtomicInteger finished = new AtomicInteger();
        AtomicReference<Thread> relayThread = new AtomicReference<>();
        OutboxRelayLoop loop = new OutboxRelayLoop(() -> {
            relayThread.set(Thread.currentThread());
            inRound.countDown();
            try {
                Thread.sleep(300);
                finished.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, NEVER, Duration.ofSeconds(5));
        loop.start();
        assertThat(inRound.await(10, TimeUnit.SECONDS)).isTrue();
        loop.stop();
        assertThat(finished).as("the round was not interrupted").hasValue(1);
        assertThat(loop.isRunning()).isFalse();
        assertThat(relayThread.get().isAlive()).as("the relay thread ended").isFalse();
    }

    @Test
    void aFailingRoundDoesNotEndTheLoop() {
        AtomicInteger drains = new AtomicInteger();
        OutboxRelayLoop loop = new OutboxRelayLoop(() -> {
            if (drains.incrementAndGet() == 1) {
                throw new IllegalStateException("database down");
            }
        }, NEVER, Duration.ofSeconds(5));
        loop.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> drains.get() == 1);
            loop.wakeUp();
            await().atMost(Duration.ofSeconds(10)).until(() -> drains.get() == 2);
        } finally {
            loop.stop();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
