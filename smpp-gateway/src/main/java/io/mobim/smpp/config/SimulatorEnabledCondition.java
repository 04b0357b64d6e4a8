package io.mobim.smpp.config;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * {@code mobim.smpp.simulator.enabled} when it is set; otherwise true exactly when no SMS-C is configured
 * ({@code mobim.smpp.smsc[0].host} absent, in any property source form, environment variables included).
 */
public class SimulatorEnabledCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Binder binder = Binder.get(context.getEnvironment());
        Boolean explicit = binder.bind("mobim.smpp.simulator.enabled", Bindable.of(Boolean.class)).orElse(null);
        if (explicit != null) {
            return explicit ? ConditionOutcome.match("mobim.smpp.simulator.enabled=true")
                    : ConditionOutcome.noMatch("mobim.smpp.simulator.enabled=false");
        }
        return smscConfigured(binder)
                ? ConditionOutcome.noMatch("an SMS-C is configured (mobim.smpp.smsc[0].host)")
                : ConditionOutcome.match("no SMS-C configured: the simulator plays the network");
    }

    static boolean smscConfigured(Binder binder) {
        return binder.bind("mobim.smpp.smsc[0].host", Bindable.of(String.class)).isBound();
    }
}
