package io.mobim.platform.security;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call which HTTP API. Operator APIs use HTTP Basic and are stateless; the handset-facing endpoints
 * (the Wireless Village endpoint, which authenticates in its own protocol) and the probes are open.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdminSettings.class)
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(Customizer.withDefaults())
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info", "/actuator/prometheus").permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/wv", "/wv/**").permitAll()
                        .requestMatchers("/api/v1/simulator/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/billing/**").hasAnyRole(ApiRoles.BILLING, ApiRoles.OPERATOR_ADMIN)
                        .requestMatchers("/api/v1/billing/**").hasRole(ApiRoles.BILLING)
                        .requestMatchers(HttpMethod.GET, "/api/v1/messages/log/**").hasAnyRole(ApiRoles.BILLING, ApiRoles.OPERATOR_ADMIN)
                        .requestMatchers("/api/v1/**").hasRole(ApiRoles.OPERATOR_ADMIN)
                        .requestMatchers("/actuator/**").hasRole(ApiRoles.OPERATOR_ADMIN)
                        .anyRequest().denyAll());
        return http.build();
    }

    @Bean
    InMemoryUserDetailsManager apiUsers(AdminSettings settings, PasswordEncoder encoder) {
        String password = settings.password();
        if (password == null || password.isBlank()) {
            password = generated();
            // printed once, as Spring Boot does for its default user: set MOBIM_ADMIN_PASSWORD to choose it
            log.warn("\n\nGenerated operator admin password for user '{}': {}\nSet MOBIM_ADMIN_PASSWORD to choose your own.\n",
                    settings.user(), password);
        }
        List<UserDetails> users = new ArrayList<>();
        users.add(User.withUsername(settings.user()).password(encoder.encode(password)).roles(ApiRoles.OPERATOR_ADMIN).build());
        if (settings.billingUser() != null && settings.billingPassword() != null) {
            users.add(User.withUsername(settings.billingUser()).password(encoder.encode(settings.billingPassword()))
                    .roles(ApiRoles.BILLING).build());
        }
        return new InMemoryUserDetailsManager(users);
    }

    private static String generated() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
