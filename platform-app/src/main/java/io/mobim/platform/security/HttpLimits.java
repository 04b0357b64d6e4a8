package io.mobim.platform.security;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of what an HTTP request may carry, {@code mobim.http.*}.
 *
 * @param maxRequestBody the largest request body accepted; a larger one gets 413 with a problem document. Tomcat's
 *                       form-post and Spring's multipart limits follow it ({@link HttpLimitsDefaults})
 */
@Validated
@ConfigurationProperties("mobim.http")
public record HttpLimits(@DefaultValue("1MB") @NotNull DataSize maxRequestBody) {
}
