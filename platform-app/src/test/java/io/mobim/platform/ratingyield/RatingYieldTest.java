package io.mobim.platform.ratingyield;

import static io.mobim.platform.ratingyield.RatingYield.State.RATING;
import static io.mobim.platform.ratingyield.RatingYield.State.RATING_THROUGH_OVERLOAD;
import static io.mobim.platform.ratingyield.RatingYield.State.YIELDING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RatingYieldTest {

    private static final long MS = 1_000_000L;
    private static final long SECOND = 1_000 * MS;

    private final RatingYield yield = new RatingYield(300, 50, Duration.ofSeconds(1), Duration.ofSeconds(30));

    @Test
    void ratingStandsAsideWhileABurstIsServedAndResumesOnceTheBacklogHasSettled() {
        assertThat(yield.next(300, 0)).as("at the threshold: no burst yet").isEqualTo(RATING);
        assertThat(yield.next(301, SECOND)).isEqualTo(YIELDING);
        assertThat(yield.next(120, 2 * SECOND)).as("falling, not yet cleared").isEqualTo(YIELDING);
        assertThat(yield.next(49, 3 * SECOND)).as("cleared, not yet settled").isEqualTo(YIELDING);
        assertThat(yield.next(0, 3 * SECOND + 999 * MS)).isEqualTo(YIELDING);
        assertThat(yield.next(0, 4 * SECOND)).isEqualTo(RATING);
        assertThat(yield.next(200, 5 * SECOND)).as("below the burst threshold again").isEqualTo(RATING);
        assertThat(yield.next(500, 6 * SECOND)).as("the next burst").isEqualTo(YIELDING);
    }

    @Test
    void aDipBetweenTheImCoresPollsDoesNotEndTheBurst() {
        yield.next(400, 0);
        assertThat(yield.next(40, 500 * MS)).as("a poll handled").isEqualTo(YIELDING);
        assertThat(yield.next(350, 700 * MS)).as("the SMS-C's next MOs").isEqualTo(YIELDING);
        assertThat(yield.next(30, 1_400 * MS)).isEqualTo(YIELDING);
        assertThat(yield.next(30, 2_000 * MS)).as("cleared 0.6 s, from the last dip only").isEqualTo(YIELDING);
        assertThat(yield.next(0, 2_400 * MS)).isEqualTo(RATING);
    }

    @Test
    void aBacklogThatOutlastsTheLongestDeferralIsOverloadAndRatingRunsBesideItUntilItSettles() {
        yield.next(1_000, 0);
        assertThat(yield.next(5_000, 29 * SECOND)).isEqualTo(YIELDING);
        assertThat(yield.next(5_000, 30 * SECOND)).isEqualTo(RATING_THROUGH_OVERLOAD);
        assertThat(yield.next(10_000, 300 * SECOND)).as("however long the overload lasts").isEqualTo(RATING_THROUGH_OVERLOAD);
        assertThat(yield.next(10, 301 * SECOND)).as("a dip inside the overload").isEqualTo(RATING_THROUGH_OVERLOAD);
        assertThat(yield.next(900, 301 * SECOND + 500 * MS)).isEqualTo(RATING_THROUGH_OVERLOAD);
        assertThat(yield.next(10, 302 * SECOND)).isEqualTo(RATING_THROUGH_OVERLOAD);
        assertThat(yield.next(10, 303 * SECOND)).isEqualTo(RATING);
        assertThat(yield.next(400, 304 * SECOND)).as("a later burst is deferred afresh").isEqualTo(YIELDING);
        assertThat(yield.next(400, 333 * SECOND)).isEqualTo(YIELDING);
        assertThat(yield.next(400, 334 * SECOND)).isEqualTo(RATING_THROUGH_OVERLOAD);
    }

    @Test
    void aClearingBacklogAboveTheBurstThresholdIsRefused() {
        assertThatThrownBy(() -> new RatingYield(100, 101, Duration.ofSeconds(1), Duration.ofSeconds(30)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("101").hasMessageContaining("100");
    }
}
