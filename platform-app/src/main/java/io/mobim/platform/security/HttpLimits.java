package io.mobim.platform.security;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of what an HTTP request may carry, {@code mobim.http.*}.
 *
 * @param maxRequestBody the largest request body accepted (default 1MB, in application.properties, which also gives it
 *                       to Tomcat's form-post and Spring's multipart limits); a larger one gets 413 with a problem document
 */
@Validated
@ConfigurationProperties("mobim.http")
public record HttpLimits(@NotNull DataSize maxRequestBody) {
}
