package io.mobim.smpp.kafka;

import io.mobim.events.Topics;
import io.mobim.smpp.config.SmppProperties;
import io.mobim.smpp.mo.MoLag;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The IM core's lag on {@code sms.mo.v1}, read with the Admin API every {@code mo.admission.lag-interval}: the
 * committed offsets of its consumer group ({@code mo.admission.consumer-group}) against the end offsets. Between
 * reads the estimate adds the MOs admitted since the last read began and takes off what the group committed per
 * second over the last two reads, so that admission neither stalls between reads nor overshoots by a whole
 * interval's MOs. A partition the group has never committed counts as no lag. A read that fails counts as no lag
 * (logged once until a read succeeds again): while Kafka is away the MOs are refused by their publish anyway.
 */
public final class KafkaMoLag implements MoLag, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaMoLag.class);

    /** One read: the lag, the admitted count when it began, the group's committed total and when. */
    private record Reading(long lag, long admittedMark, long committed, long atNanos, double perNano) {
    }

    private final Admin admin;
    private final String group;
    private final long timeoutMillis;
    private final long intervalNanos;
    private final AtomicLong admitted = new AtomicLong();
    private volatile Reading last = new Reading(0, 0, -1, System.nanoTime(), 0);
    private volatile boolean failing;
    private final ScheduledExecutorService reader;

    public KafkaMoLag(Map<String, Object> adminProperties, SmppProperties.Admission config) {
        Map<String, Object> props = new HashMap<>(adminProperties);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "mobim-smpp-mo-lag");
        this.admin = Admin.create(props);
        this.group = config.consumerGroup();
        long interval = Math.max(1, config.lagInterval().toMillis());
        this.timeoutMillis = Math.max(1_000, 10 * interval);
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(interval);
        this.reader = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "smpp-mo-lag");
            t.setDaemon(true);
            return t;
        });
        reader.scheduleWithFixedDelay(this::read, 0, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public long estimate() {
        Reading r = last;
        long since = admitted.get() - r.admittedMark();
        // no further than one interval: a read that is late must not make the lag look smaller and smaller
        long handled = (long) (r.perNano() * Math.min(intervalNanos, System.nanoTime() - r.atNanos()));
        return Math.max(0, r.lag() + since - handled);
    }

    @Override
    public void admitted() {
        admitted.incrementAndGet();
    }

    private void read() {
        long mark = admitted.get();
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(timeoutMillis, TimeUnit.MILLISECONDS).entrySet().stream()
                    .filter(e -> e.getKey().topic().equals(Topics.SMS_MO) && e.getValue() != null)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            long lag = 0;
            long committedTotal = 0;
            if (!committed.isEmpty()) {
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(committed.keySet().stream()
                        .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get(timeoutMillis, TimeUnit.MILLISECONDS);
                for (var e : committed.entrySet()) {
                    long end = ends.get(e.getKey()).offset();
                    lag += Math.max(0, end - e.getValue().offset());
                    committedTotal += e.getValue().offset();
                }
            }
            long now = System.nanoTime();
            Reading before = last;
            double perNano = before.committed() < 0 || now <= before.atNanos() ? 0
                    : Math.max(0, committedTotal - before.committed()) / (double) (now - before.atNanos());
            last = new Reading(lag, mark, committedTotal, now, perNano);
            if (failing) {
                failing = false;
                log.info("the lag of consumer group {} on {} is read again", group, Topics.SMS_MO);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            last = new Reading(0, mark, -1, System.nanoTime(), 0);
            if (!failing) {
                failing = true;
                log.warn("cannot read the lag of consumer group {} on {} ({}); MO admission counts it as none until it can",
                        group, Topics.SMS_MO, e.toString());
            }
        }
    }

    @Override
    public void close() {
        reader.shutdownNow();
        admin.close(java.time.Duration.ofSeconds(1));
    }
}
