package io.mobim.platform.allinone;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * What the all-in-one runtime ({@code mobim.embedded.enabled}, the default) means beyond its embedded services, as
 * defaults that any explicit setting overrides: HTTP listens on 127.0.0.1 only ({@code server.address}); the SMS-C
 * simulator, a test tool, runs when no {@code mobim.smpp.smsc[0]} is configured; topics have the embedded broker's
 * partition count ({@code mobim.embedded.kafka-partitions}); its gateway is the only one on the MT ledger
 * ({@code mobim.smpp.mt.sole-gateway}); a generated admin password is
 * kept in {@code admin-password} under the data directory. A deployment ({@code mobim.embedded.enabled=false})
 * gets none of these: it listens on every interface as a container must, needs an SMS-C and a set admin password,
 * and refuses the simulator.
 */
public final class AllInOneDefaults implements EnvironmentPostProcessor {

    static final String PROPERTY_SOURCE = "mobimAllInOneDefaults";
    static final String SIMULATOR_ENABLED = "mobim.smpp.simulator.enabled";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Binder binder = Binder.get(environment);
        EmbeddedSettings settings = binder.bindOrCreate("mobim.embedded", EmbeddedSettings.class);
        boolean simulatorAsked = binder.bind(SIMULATOR_ENABLED, Bindable.of(Boolean.class)).orElse(false);
        if (!settings.enabled()) {
            if (simulatorAsked) {
                throw new IllegalStateException(SIMULATOR_ENABLED + "=true, but the SMS-C simulator is a test tool of the "
                        + "all-in-one runtime and does not run in a deployment (mobim.embedded.enabled=false): "
                        + "configure the operator's SMS-C with mobim.smpp.smsc[0].*");
            }
            return;
        }
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("server.address", "127.0.0.1");
        // one node: the topics get the embedded broker's few partitions (enough for the listeners' threads); more would
        // only split every produce and fetch request into more, smaller batches
        defaults.put("mobim.kafka.partitions", settings.kafkaPartitions());
        // one node, so one gateway on the MT ledger: it sends every MT, and the IM core's outbox hands MTs straight to it
        defaults.put("mobim.smpp.mt.sole-gateway", true);
        defaults.put(SIMULATOR_ENABLED, !binder.bind("mobim.smpp.smsc[0].host", Bindable.of(String.class)).isBound());
        // the data root is known once the embedded services have started (a temporary one when ephemeral)
        defaults.put("mobim.admin.password-file", "${mobim.embedded.data-root:" + settings.dataDir() + "}/admin-password");
        environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE, defaults));
    }
}
