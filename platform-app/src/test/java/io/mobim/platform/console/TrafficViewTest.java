package io.mobim.platform.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The traffic page's latency percentiles, from two readings of a cumulative histogram. */
class TrafficViewTest {

    private static TreeMap<Double, Double> buckets(double... boundAndCount) {
        TreeMap<Double, Double> b = new TreeMap<>();
        for (int i = 0; i < boundAndCount.length; i += 2) {
            b.put(boundAndCount[i] * 1_000_000, boundAndCount[i + 1]); // bounds in ms, kept in ns as Micrometer does
        }
        return b;
    }

    @Test
    void percentilesComeFromWhatTheWindowAddedToEachBucket() {
        // before the window: 100 fast submits; in it: 80 at most 10 ms, 15 more at most 50 ms, 5 more at most 200 ms
        TreeMap<Double, Double> before = buckets(10, 100, 50, 100, 200, 100);
        TreeMap<Double, Double> after = buckets(10, 180, 50, 195, 200, 200);
        assertThat(TrafficView.percentiles(before, after)).isEqualTo(Map.of("p50", 10.0, "p95", 50.0, "p99", 200.0));
    }

    @Test
    void noSubmitInTheWindowGivesNoPercentile() {
        TreeMap<Double, Double> same = buckets(10, 100, 50, 100);
        assertThat(TrafficView.percentiles(same, same)).isEmpty();
        assertThat(TrafficView.percentiles(new TreeMap<>(), new TreeMap<>())).isEmpty();
    }
}
