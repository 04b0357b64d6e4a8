package io.mobim.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The committers' division of work: the first takes whatever is queued (letting it gather for the linger while
 * requests come in together); a further one steps in only while more than a full batch waits, and then takes a full one.
 */
class GroupCommitterTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ConcurrentLinkedQueue<List<Integer>> batches = new ConcurrentLinkedQueue<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private GroupCommitter<Integer, Integer> committer;

    /** Doubles each request; a batch holding request 0 waits for {@link #release}, as a slow commit would. */
    private GroupCommitter<Integer, Integer> start(int committers, int maxBatch) {
        return start(committers, maxBatch, Duration.ZERO);
    }

    private GroupCommitter<Integer, Integer> start(int committers, int maxBatch, Duration linger) {
        committer = new GroupCommitter<>("test", batch -> {
            batches.add(List.copyOf(batch));
            if (batch.contains(0)) {
                await(release);
            }
            return batch.stream().map(q -> GroupCommitter.Answer.of(q * 2)).toList();
        }, q -> q * 2, new MessagingSettings.GroupCommit(committers, maxBatch, linger), meters);
        committer.start();
        return committer;
    }

    @AfterEach
    void stop() {
        release.countDown();
        committer.stop(Duration.ofSeconds(5));
    }

    @Test
    void whileTheFirstCommitsASecondCommitterTakesOnlyFullBatches() throws Exception {
        start(2, 10);
        CompletableFuture<Integer> slow = committer.submit(0);
        awaitBatches(1); // the first committer is busy with request 0
        List<CompletableFuture<Integer>> queued = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            queued.add(committer.submit(i));
        }
        // 25 waiting: the second committer takes full batches while more than one is waiting, and leaves the rest
        awaitBatches(3);
        Thread.sleep(100);
        assertThat(batches).hasSize(3);
        assertThat(List.copyOf(batches).subList(1, 3)).allSatisfy(b -> assertThat(b).hasSize(10));
        assertThat(meters.counter("mobim.messaging.group-commit.overflow-batches", "operation", "test").count()).isEqualTo(2);
        assertThat(queued.stream().filter(CompletableFuture::isDone).count()).isEqualTo(20);

        release.countDown();
        assertThat(slow.get(5, TimeUnit.SECONDS)).isZero();
        for (int i = 0; i < queued.size(); i++) {
            assertThat(queued.get(i).get(5, TimeUnit.SECONDS)).isEqualTo((i + 1) * 2);
        }
        assertThat(batches).as("the first committer took the last five together").hasSize(4);
        assertThat(List.copyOf(batches).get(3)).hasSize(5);
    }

    @Test
    void aSecondCommitterLeavesLessThanAFullBatchToTheFirst() throws Exception {
        start(2, 10);
        CompletableFuture<Integer> slow = committer.submit(0);
        awaitBatches(1);
        List<CompletableFuture<Integer>> queued = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            queued.add(committer.submit(i));
        }
        Thread.sleep(200);
        assertThat(batches).as("ten waiting is one batch: the first committer's next").hasSize(1);

        release.countDown();
        slow.get(5, TimeUnit.SECONDS);
        for (CompletableFuture<Integer> q : queued) {
            q.get(5, TimeUnit.SECONDS);
        }
        assertThat(batches).hasSize(2);
        assertThat(List.copyOf(batches).get(1)).hasSize(10);
        assertThat(meters.counter("mobim.messaging.group-commit.overflow-batches", "operation", "test").count()).isZero();
    }

    @Test
    void whileRequestsComeInTogetherABatchLingersUntilFullButALoneRequestGoesAtOnce() throws Exception {
        start(1, 4, Duration.ofSeconds(30));
        assertThat(committer.submit(1).get(10, TimeUnit.SECONDS)).as("alone, not held for the linger").isEqualTo(2);

        CompletableFuture<Integer> slow = committer.submit(0);
        awaitBatches(2);
        List<CompletableFuture<Integer>> pair = List.of(committer.submit(2), committer.submit(3));
        release.countDown();
        slow.get(10, TimeUnit.SECONDS);
        for (CompletableFuture<Integer> q : pair) {
            q.get(10, TimeUnit.SECONDS);
        }
        assertThat(List.copyOf(batches).get(2)).as("after a lone batch, what is queued goes at once").containsExactly(2, 3);

        // the last batch held two: requests are coming in together, so the next batch gathers until it is full
        List<CompletableFuture<Integer>> gathered = new ArrayList<>();
        for (int i = 4; i <= 7; i++) {
            gathered.add(committer.submit(i));
            Thread.sleep(50);
        }
        for (CompletableFuture<Integer> q : gathered) {
            q.get(10, TimeUnit.SECONDS);
        }
        assertThat(batches).hasSize(4);
        assertThat(List.copyOf(batches).get(3)).as("one batch, gone once full").containsExactly(4, 5, 6, 7);
    }

    private void awaitBatches(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (batches.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(batches).hasSizeGreaterThanOrEqualTo(n);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
