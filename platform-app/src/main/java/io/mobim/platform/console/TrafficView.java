package io.mobim.platform.console;

import io.mobim.platform.console.TrafficSampler.ConsumerLag;
import io.mobim.platform.console.TrafficSampler.Sample;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * What the traffic page shows, computed from the sampler's samples: rates per second between consecutive samples
 * (as charts and as their latest value), ratios and latency percentiles over the whole window, and the gauges read
 * now.
 *
 * @param window the time the samples span
 * @param charts the rate charts
 * @param deliveryRatio MTs the SMS-C accepted out of those that ended, over the window, in percent; null when none ended
 * @param latencyMillis submit_sm to submit_sm_resp percentiles over the window (p50, p95, p99), empty without submits
 * @param throughputByLink submit_sm accepted per second per SMS-C link, over the last interval
 * @param binds whether each SMS-C session is bound
 * @param outboxPending records waiting in the outbox for Kafka, null where the IM role does not run
 * @param kafkaLag each consumer group's lag per topic, read now; empty before a consumer of this process has fetched
 * @param deadLettered records dead-lettered since start
 */
record TrafficView(Duration window, List<Chart> charts, Double deliveryRatio, Map<String, Double> latencyMillis,
                   Map<String, Double> throughputByLink, Map<String, Boolean> binds, Double outboxPending, List<ConsumerLag> kafkaLag,
                   double deadLettered) {

    static final int WIDTH = 600;
    static final int HEIGHT = 120;

    /**
     * A rate over time as an SVG polyline in a {@value #WIDTH} by {@value #HEIGHT} box, with its figures for people who
     * do not see the chart.
     *
     * @param id a stable id for the markup
     * @param points the polyline's points
     * @param latest the latest value (a rate per second, or a level such as a lag)
     * @param peak the highest value of the window
     * @param unit what the figures count ("per second" for a rate)
     */
    record Chart(String id, String title, String points, double latest, double peak, String unit) {
    }

    /** The lag of every consumer group of the process on every topic, summed; null before any was measured. */
    public Double kafkaLagTotal() {
        return kafkaLag.isEmpty() ? null : kafkaLag.stream().mapToDouble(ConsumerLag::records).sum();
    }

    static TrafficView of(TrafficSampler sampler) {
        List<Sample> samples = sampler.samples();
        Duration window = samples.size() < 2 ? Duration.ZERO
                : Duration.between(samples.getFirst().at(), samples.getLast().at());
        List<Chart> charts = List.of(
                chart("mo", "MO received per second", samples, Sample::mo),
                chart("mt", "MT submitted per second", samples, Sample::mtSubmitted),
                chart("receipts", "Delivery receipts per second", samples, Sample::receipts),
                plot("lag", "Kafka consumer lag", samples.stream().map(Sample::kafkaLag).toList(), "records"));
        Double ratio = null;
        Map<String, Double> latency = new TreeMap<>();
        Map<String, Double> byLink = new TreeMap<>();
        if (samples.size() >= 2) {
            Sample first = samples.getFirst();
            Sample last = samples.getLast();
            double ended = last.mtFinished() - first.mtFinished();
            if (ended > 0) {
                ratio = 100 * (last.mtAccepted() - first.mtAccepted()) / ended;
            }
            latency = percentiles(first.latencyBuckets(), last.latencyBuckets());
            Sample before = samples.get(samples.size() - 2);
            double seconds = seconds(before, last);
            last.submitsByLink().forEach((link, n) -> byLink.put(link, (n - before.submitsByLink().getOrDefault(link, 0.0)) / seconds));
        }
        return new TrafficView(window, charts, ratio, latency, byLink, sampler.binds(), sampler.outboxPending(),
                sampler.kafkaLag(), sampler.deadLettered());
    }

    /** A rate chart: the counter's increase per second between consecutive samples. */
    private static Chart chart(String id, String title, List<Sample> samples, ToDoubleFunction<Sample> counter) {
        List<Double> rates = new ArrayList<>();
        for (int i = 1; i < samples.size(); i++) {
            Sample a = samples.get(i - 1);
            Sample b = samples.get(i);
            rates.add(Math.max(0, counter.applyAsDouble(b) - counter.applyAsDouble(a)) / seconds(a, b));
        }
        return plot(id, title, rates, "per second");
    }

    /** A chart of {@code rates} (or levels), one point each, oldest first. */
    private static Chart plot(String id, String title, List<Double> rates, String unit) {
        double peak = rates.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double scale = peak > 0 ? peak : 1;
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < rates.size(); i++) {
            double x = rates.size() == 1 ? WIDTH : (double) WIDTH * i / (rates.size() - 1);
            double y = HEIGHT - 4 - (HEIGHT - 8) * rates.get(i) / scale;
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        return new Chart(id, title, points.toString().strip(), rates.isEmpty() ? 0 : rates.getLast(), peak, unit);
    }

    private static double seconds(Sample a, Sample b) {
        return Math.max(0.001, Duration.between(a.at(), b.at()).toMillis() / 1000.0);
    }

    /** p50, p95 and p99 in milliseconds from the difference of two cumulative histograms (bucket bound in ns). */
    static Map<String, Double> percentiles(TreeMap<Double, Double> from, TreeMap<Double, Double> to) {
        Map<String, Double> out = new TreeMap<>();
        double total = to.isEmpty() ? 0 : to.lastEntry().getValue() - from.getOrDefault(to.lastKey(), 0.0);
        if (total <= 0) {
            return out;
        }
        for (double q : new double[] {0.50, 0.95, 0.99}) {
            for (Map.Entry<Double, Double> bucket : to.entrySet()) {
                double inWindow = bucket.getValue() - from.getOrDefault(bucket.getKey(), 0.0);
                if (inWindow >= q * total) {
                    out.put("p" + Math.round(q * 100), bucket.getKey() / 1_000_000.0);
                    break;
                }
            }
        }
        return out;
    }
}
