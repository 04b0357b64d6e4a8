package io.mobim.platform.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The messaging counters by name and tag value, looked up once: a registry lookup per message is measurable. */
final class MessagingCounters {

    private final MeterRegistry meters;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    MessagingCounters(MeterRegistry meters) {
        this.meters = meters;
    }

    Counter counter(String name, String tag, String value) {
        return counters.computeIfAbsent(name + '/' + value, k -> meters.counter(name, tag, value));
    }
}
