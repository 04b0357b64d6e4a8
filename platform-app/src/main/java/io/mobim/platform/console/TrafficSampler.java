package io.mobim.platform.console;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.mobim.events.consumer.ConsumerClientMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Reads the platform's own meters at a fixed interval and keeps the last samples, so that the traffic page shows
 * rates over time without a second metrics pipeline: counters are cumulative, a rate is the difference of two
 * samples over their interval. Only cheap, in-memory meters are sampled; gauges that query the database (the outbox
 * backlog) are read when a page asks.
 */
final class TrafficSampler implements AutoCloseable {

    static final String MO = "mobim.smpp.mo";
    static final String MT = "mobim.smpp.mt";
    static final String SUBMITS = "mobim.smpp.submits";
    static final String RECEIPTS = "mobim.smpp.receipts";
    static final String SUBMIT_LATENCY = "mobim.smpp.submit.latency";
    static final String BIND_UP = "mobim.smpp.bind.up";
    static final String OUTBOX_PENDING = "mobim.outbox.pending";
    /** Records a consumer has yet to read, per partition it is assigned, as its last fetch saw it (client metrics). */
    static final String KAFKA_LAG = "kafka.consumer.fetch.manager.records.lag";
    static final List<String> DEAD_LETTERS = List.of("mobim.kafka.consumer.dead_lettered", "billing.events.dead_lettered",
            "billing.gateway.dead_lettered");

    /**
     * One reading of the cumulative counters.
     *
     * @param submitsByLink submit_sm accepted per SMS-C link
     * @param latencyBuckets the submit latency histogram, cumulative counts per bucket bound in nanoseconds
     * @param kafkaLag the consumer lag of every group of the process, summed
     */
    record Sample(Instant at, double mo, double mtSubmitted, double receipts, double mtAccepted, double mtFinished,
                  Map<String, Double> submitsByLink, TreeMap<Double, Double> latencyBuckets, double kafkaLag) {
    }

    /**
     * The lag of one consumer group on one topic: records written that the group's consumers in this process have
     * yet to read, summed over the partitions they are assigned.
     */
    record ConsumerLag(String group, String topic, double records) {
    }

    private final MeterRegistry meters;
    private final int capacity;
    private final List<Sample> samples = new ArrayList<>();
    private final ScheduledExecutorService timer;

    private TrafficSampler(MeterRegistry meters, int capacity, ScheduledExecutorService timer) {
        this.meters = meters;
        this.capacity = capacity;
        this.timer = timer;
    }

    static TrafficSampler start(MeterRegistry meters, Duration interval, int capacity) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "console-traffic-sampler");
            t.setDaemon(true);
            return t;
        });
        TrafficSampler sampler = new TrafficSampler(meters, capacity, timer);
        timer.scheduleAtFixedRate(sampler::sampleQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return sampler;
    }

    private void sampleQuietly() {
        try {
            sample();
        } catch (RuntimeException e) {
            // a meter that cannot be read now is read at the next tick; the timer must not die of it
        }
    }

    /** Takes one sample now (the timer does so every interval). */
    void sample() {
        Map<String, Double> byLink = new TreeMap<>();
        for (Counter c : meters.find(SUBMITS).tag("outcome", "accepted").counters()) {
            byLink.merge(String.valueOf(c.getId().getTag("link")), c.count(), Double::sum);
        }
        Sample s = new Sample(Instant.now(), count(meters.find(MO).tag("outcome", "published").counters()),
                byLink.values().stream().mapToDouble(Double::doubleValue).sum(),
                count(meters.find(RECEIPTS).tag("outcome", "matched").counters()),
                count(meters.find(MT).tag("outcome", "accepted").counters()),
                count(meters.find(MT).counters().stream().filter(c -> !"duplicate".equals(c.getId().getTag("outcome"))).toList()),
                byLink, latencyBuckets(), kafkaLag().stream().mapToDouble(ConsumerLag::records).sum());
        synchronized (samples) {
            if (samples.size() == capacity) {
                samples.removeFirst();
            }
            samples.add(s);
        }
    }

    /** The samples kept, oldest first. */
    List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    /** Whether each SMS-C session is bound now, by link and bind type. */
    Map<String, Boolean> binds() {
        Map<String, Boolean> binds = new TreeMap<>();
        for (Gauge g : meters.find(BIND_UP).gauges()) {
            binds.put(g.getId().getTag("link") + " " + g.getId().getTag("bind"), g.value() >= 1);
        }
        return binds;
    }

    /** Records queued in the outbox for Kafka now (a database count), or null where the IM role does not run. */
    Double outboxPending() {
        Gauge g = meters.find(OUTBOX_PENDING).gauge();
        return g == null ? null : g.value();
    }

    /**
     * The lag of each consumer group on each topic, from the partition-level lag the Kafka clients publish (see
     * {@code ConsumerClientMetrics}), by group and topic; empty before a consumer of this process has fetched.
     */
    List<ConsumerLag> kafkaLag() {
        Map<List<String>, Double> byGroupAndTopic = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
                .thenComparing(k -> k.get(1)));
        for (Gauge g : meters.find(KAFKA_LAG).tagKeys("partition", "topic").gauges()) {
            double lag = g.value();
            if (Double.isNaN(lag)) {
                continue; // a partition given up since the client's meters were last looked at
            }
            String group = g.getId().getTag(ConsumerClientMetrics.GROUP_TAG);
            byGroupAndTopic.merge(List.of(group == null ? ConsumerClientMetrics.NO_GROUP : group, g.getId().getTag("topic")),
                    Math.max(0, lag), Double::sum);
        }
        List<ConsumerLag> lags = new ArrayList<>();
        byGroupAndTopic.forEach((k, v) -> lags.add(new ConsumerLag(k.get(0), k.get(1), v)));
        return lags;
    }

    /** Records sent to dead-letter topics since start, by every consumer of this process. */
    double deadLettered() {
        return DEAD_LETTERS.stream().mapToDouble(name -> count(meters.find(name).counters())).sum();
    }

    private TreeMap<Double, Double> latencyBuckets() {
        TreeMap<Double, Double> buckets = new TreeMap<>();
        for (Timer t : meters.find(SUBMIT_LATENCY).timers()) {
            for (CountAtBucket b : t.takeSnapshot().histogramCounts()) {
                buckets.merge(b.bucket(), b.count(), Double::sum);
            }
        }
        return buckets;
    }

    private static double count(Collection<? extends Meter> counters) {
        return counters.stream().mapToDouble(m -> m instanceof Counter c ? c.count() : 0).sum();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
