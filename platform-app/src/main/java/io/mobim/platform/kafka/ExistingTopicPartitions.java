package io.mobim.platform.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Which of the declared topics {@link KafkaAdmin} may create or modify at start: those that do not exist yet, and
 * existing ones whose partition count already matches (so that a dead-letter topic's retention is still applied).
 * An existing topic with another partition count is left alone and said so: {@link KafkaAdmin} would add partitions,
 * which moves keys (a handset's MOs and MTs) to other partitions, out of order, and the running instances' consumers
 * would not read the new partitions before their next metadata refresh. Changing the count is the operator's
 * deliberate act (docs/operations.md), not a side effect of an instance starting with another setting.
 */
final class ExistingTopicPartitions implements Predicate<NewTopic> {

    private static final Logger log = LoggerFactory.getLogger(ExistingTopicPartitions.class);

    private final Map<String, Object> adminConfig;
    private final Duration timeout;
    private Map<String, TopicDescription> existing;

    ExistingTopicPartitions(Map<String, Object> adminConfig, Duration timeout) {
        this.adminConfig = adminConfig;
        this.timeout = timeout;
    }

    @Override
    public synchronized boolean test(NewTopic topic) {
        TopicDescription current = existing().get(topic.name());
        if (current == null || topic.numPartitions() < 0 || current.partitions().size() == topic.numPartitions()) {
            return true;
        }
        log.warn("Topic {} has {} partitions and mobim.kafka.partitions says {}: left as it is (see docs/operations.md, "
                + "'Kafka partitions')", topic.name(), current.partitions().size(), topic.numPartitions());
        return false;
    }

    /** The descriptions of the topics that exist, read once for all; none when the cluster does not answer. */
    private Map<String, TopicDescription> existing() {
        if (existing == null) {
            try (Admin admin = Admin.create(adminConfig)) {
                var listed = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                existing = listed.isEmpty() ? Map.of()
                        : admin.describeTopics(listed).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                // KafkaAdmin meets the same unreachable cluster next and reports it its own way
                log.debug("Could not describe the existing topics: {}", e.toString());
                return Map.of();
            }
        }
        return existing;
    }
}
