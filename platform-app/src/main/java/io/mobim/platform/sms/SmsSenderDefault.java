package io.mobim.platform.sms;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Fallback SMS of the IM core ({@code mobim.messaging.sms-sender}) come from the service's short code
 * ({@code mobim.sms.short-code}, whose default is the one in {@link SmsSettings}) unless set otherwise.
 */
public final class SmsSenderDefault implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String shortCode = Binder.get(environment).bindOrCreate("mobim.sms", SmsSettings.class).shortCode();
        environment.getPropertySources().addLast(new MapPropertySource("mobimSmsSender",
                Map.of("mobim.messaging.sms-sender", shortCode)));
    }
}
