package io.mobim.platform.kafka;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Kafka is up when the cluster answers a describe-cluster request in time. Part of the readiness group: an
 * instance that cannot reach Kafka cannot accept traffic it would have to charge.
 */
class KafkaHealthIndicator extends AbstractHealthIndicator {

    private final AdminClient client;
    private final Duration timeout;

    KafkaHealthIndicator(KafkaAdmin admin, Duration timeout) {
        super("Kafka health check failed");
        this.client = AdminClient.create(admin.getConfigurationProperties());
        this.timeout = timeout;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        DescribeClusterResult cluster = client.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
        String clusterId = cluster.clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        int nodes = cluster.nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
        builder.up().withDetail("clusterId", clusterId).withDetail("nodes", nodes);
    }

    /** Called by Spring on shutdown (inferred destroy method). */
    public void close() {
        client.close(Duration.ofSeconds(2));
    }
}
