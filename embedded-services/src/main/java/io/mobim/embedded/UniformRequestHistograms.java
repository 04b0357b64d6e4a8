package io.mobim.embedded;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.network.metrics.RequestMetrics;
import org.apache.kafka.server.metrics.KafkaMetricsGroup;

/**
 * The broker's per-request-type time and size histograms ({@code kafka.network:type=RequestMetrics}), registered as
 * uniform samples before the broker starts, so that the broker records into them.
 *
 * <p>Why: Kafka makes them biased (Yammer's {@code ExponentiallyDecayingSample}), which keeps a skip-list node and a
 * boxed priority for every request measured, eight per request, each living from seconds to minutes. A broker on its
 * own heap does not notice; embedded, it shares the application's heap, and those nodes are most of what G1 copies
 * through the survivor spaces at every young pause and then marks in the old generation. A uniform sample is a fixed
 * array of longs: same names, same JMX attributes, its percentiles taken over the whole run instead of the last
 * minutes. The Yammer registry is the JVM's, so this holds for every broker started in it.
 */
final class UniformRequestHistograms {

    private static final KafkaMetricsGroup GROUP = new KafkaMetricsGroup("kafka.network", "RequestMetrics");

    /** As {@code RequestMetrics} names them; the last two exist for fetches and produces only. */
    private static final List<String> TIMES = List.of("RequestQueueTimeMs", "LocalTimeMs", "RemoteTimeMs",
            "ThrottleTimeMs", "ResponseQueueTimeMs", "ResponseSendTimeMs", "TotalTimeMs", "RequestBytes");
    private static final List<String> FETCH_OR_PRODUCE = List.of(RequestMetrics.MESSAGE_CONVERSIONS_TIME_MS,
            RequestMetrics.TEMPORARY_MEMORY_BYTES);

    private UniformRequestHistograms() {
    }

    /** Registers them; a second call in the JVM finds them registered and changes nothing. */
    static void register() {
        requestNames().forEach(request -> {
            Map<String, String> tags = Map.of("request", request);
            TIMES.forEach(name -> GROUP.newHistogram(name, false, tags));
            if (request.equals(ApiKeys.FETCH.name) || request.equals(ApiKeys.PRODUCE.name)) {
                FETCH_OR_PRODUCE.forEach(name -> GROUP.newHistogram(name, false, tags));
            }
        });
    }

    /** The request names the broker's request channels measure under (RequestChannel.Metrics). */
    private static Stream<String> requestNames() {
        return Stream.concat(Stream.of(ApiKeys.values()).map(k -> k.name),
                Stream.of(RequestMetrics.CONSUMER_FETCH_METRIC_NAME, RequestMetrics.FOLLOW_FETCH_METRIC_NAME,
                        RequestMetrics.VERIFY_PARTITIONS_IN_TXN_METRIC_NAME,
                        RequestMetrics.LIST_CLIENT_METRICS_RESOURCES_METRIC_NAME));
    }
}
