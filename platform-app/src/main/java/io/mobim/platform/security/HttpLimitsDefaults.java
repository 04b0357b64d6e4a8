package io.mobim.platform.security;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Tomcat's form-post limit and Spring's multipart limits follow {@code mobim.http.max-request-body}, whose default is
 * the one in {@link HttpLimits}. They are defaults: an explicit setting of any of them wins.
 */
public final class HttpLimitsDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String limit = Binder.get(environment).bindOrCreate("mobim.http", HttpLimits.class).maxRequestBody().toBytes() + "B";
        environment.getPropertySources().addLast(new MapPropertySource("mobimHttpLimits", Map.of(
                "server.tomcat.max-http-form-post-size", limit,
                "spring.servlet.multipart.max-request-size", limit,
                "spring.servlet.multipart.max-file-size", limit)));
    }
}
