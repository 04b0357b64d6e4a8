package io.mobim.smpp.kafka;

import io.mobim.events.Topics;
import io.mobim.smpp.config.SmppProperties;
import io.mobim.smpp.mo.MoLag;
import java.time.Duration;
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
 * reads the estimate adds the MOs published since the last read began, and those whose publish had not settled
 * then (the read may not have seen them), so that admission does not overshoot by a whole interval's MOs. A partition the group has never committed counts as no lag. A read that fails counts as no lag
 * (logged once until a read succeeds again): while Kafka is away the MOs are refused by their publish anyway.
 */
public final class KafkaMoLag implements MoLag, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaMoLag.class);

    /** One read: the lag, and how many publishes had settled when it began. */
    private record Reading(long lag, long settledMark) {
    }

    private final Admin admin;
    private final String group;
    private final long timeoutMillis;
    private final AtomicLong publishing = new AtomicLong();
    private final AtomicLong settled = new AtomicLong();
    private volatile Reading last = new Reading(0, 0);
    private volatile boolean failing;
    private final ScheduledExecutorService reader;

    public KafkaMoLag(Map<String, Object> adminProperties, SmppProperties.Admission config) {
        Map<String, Object> props = new HashMap<>(adminProperties);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "mobim-smpp-mo-lag");
        this.admin = Admin.create(props);
        this.group = config.consumerGroup();
        long interval = Math.max(1, config.lagInterval().toMillis());
        this.timeoutMillis = Math.max(1_000, 10 * interval);
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
        return r.lag() + publishing.get() - r.settledMark();
    }

    @Override
    public void publishing() {
        publishing.incrementAndGet();
    }

    /** Either way a later read of the lag shows it. */
    @Override
    public void settled(boolean stored) {
        settled.incrementAndGet();
    }

    private void read() {
        long mark = settled.get();
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(timeoutMillis, TimeUnit.MILLISECONDS).entrySet().stream()
                    .filter(e -> e.getKey().topic().equals(Topics.SMS_MO) && e.getValue() != null)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            long lag = 0;
            if (!committed.isEmpty()) {
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(committed.keySet().stream()
                        .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get(timeoutMillis, TimeUnit.MILLISECONDS);
                for (var e : committed.entrySet()) {
                    long end = ends.get(e.getKey()).offset();
                    lag += Math.max(0, end - e.getValue().offset());
                }
            }
            last = new Reading(lag, mark);
            if (failing) {
                failing = false;
                log.info("the lag of consumer group {} on {} is read again", group, Topics.SMS_MO);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            last = new Reading(0, mark);
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
        admin.close(Duration.ofSeconds(1));
    }
}
