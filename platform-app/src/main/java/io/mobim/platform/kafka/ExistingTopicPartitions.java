package io.mobim.platform.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
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
    private final List<String> declared;
    private final Duration timeout;
    private Map<String, TopicDescription> existing;

    /** @param declared the topics the application declares: only these are described */
    ExistingTopicPartitions(Map<String, Object> adminConfig, Collection<String> declared, Duration timeout) {
        this.adminConfig = adminConfig;
        this.declared = List.copyOf(declared);
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

    /**
     * The declared topics that exist, described in one request the first time it is asked; none when the cluster does
     * not answer (remembered too: the next topics must not each wait out the timeout again).
     */
    private Map<String, TopicDescription> existing() {
        if (existing == null) {
            existing = new HashMap<>();
            try (Admin admin = Admin.create(adminConfig)) {
                admin.describeTopics(declared).topicNameValues().forEach((name, description) -> {
                    try {
                        existing.put(name, description.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
                    } catch (ExecutionException e) {
                        // not there yet (UnknownTopicOrPartitionException): KafkaAdmin creates it
                    } catch (InterruptedException | TimeoutException e) {
                        throw new IllegalStateException(e);
                    }
                });
            } catch (RuntimeException e) {
                if (e.getCause() instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                // KafkaAdmin meets the same unreachable cluster next and reports it its own way
                log.debug("Could not describe the existing topics: {}", e.toString());
            }
        }
        return existing;
    }
}
