package io.mobim.platform.security;

import io.mobim.billing.reconciliation.MessageLogClient;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call which HTTP route: every route has an owner role, and an unmapped one is denied. Operator APIs use HTTP
 * Basic and are stateless. Public by design: the health probes (details only to an authenticated caller) and the
 * Wireless Village endpoint, which authenticates in its own protocol. The SMS-C simulator's handset API, API docs,
 * metrics and every other actuator endpoint belong to the operator admin ({@code /actuator/prometheus} also to a
 * metrics scraper).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({AdminSettings.class, HttpLimits.class})
class SecurityConfiguration {

    /** The health probes of Kubernetes and load balancers: status only, unless the caller authenticates. */
    static final String[] PUBLIC_PROBES = {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"};

    @Bean
    PasswordEncoder passwordEncoder() {
        return Passwords.encoder();
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(Customizer.withDefaults())
                .authorizeHttpRequests(auth -> auth
                        // an error page rendered for a request that was already let through (a direct /error is not)
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(PUBLIC_PROBES).permitAll()
                        .requestMatchers("/wv", "/wv/**").permitAll()
                        .requestMatchers("/actuator/prometheus").hasAnyRole(ApiRoles.METRICS, ApiRoles.OPERATOR_ADMIN)
                        .requestMatchers("/actuator/**").hasRole(ApiRoles.OPERATOR_ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v1/billing/**").hasAnyRole(ApiRoles.BILLING, ApiRoles.OPERATOR_ADMIN)
                        .requestMatchers("/api/v1/billing/**").hasRole(ApiRoles.BILLING)
                        .requestMatchers(HttpMethod.GET, "/api/v1/clearing/**").hasAnyRole(ApiRoles.CLEARING, ApiRoles.OPERATOR_ADMIN)
                        .requestMatchers("/api/v1/clearing/**").hasRole(ApiRoles.CLEARING)
                        .requestMatchers(HttpMethod.GET, "/api/v1/messages/log/**")
                        .hasAnyRole(ApiRoles.BILLING, ApiRoles.OPERATOR_ADMIN, ApiRoles.MESSAGE_LOG_READER)
                        .requestMatchers("/api/v1/**").hasRole(ApiRoles.OPERATOR_ADMIN)
                        .requestMatchers("/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                        .hasRole(ApiRoles.OPERATOR_ADMIN)
                        .anyRequest().denyAll());
        return http.build();
    }

    @Bean
    ApiUsers apiUsers(AdminSettings settings, PasswordEncoder encoder, ObjectProvider<MessageLogClient.Credentials> inProcess) {
        return ApiUsers.from(settings, encoder, inProcess.getIfAvailable());
    }

    /**
     * When billing reads the message log from this process's own server (the all-in-one runtime), it does so as a user
     * made up at each start with a random password, kept in memory only: the three-way reconciliation works with no
     * billing user configured, and no deployment inherits a known secret.
     */
    @Bean
    @ConditionalOnBooleanProperty("mobim.billing.reconciliation.message-log.local-server")
    MessageLogClient.Credentials inProcessMessageLogReader() {
        return new MessageLogClient.Credentials(IN_PROCESS_READER, GeneratedPassword.generate());
    }

    /** The name of the in-process message log reader; not a name an operator would give one of their users. */
    static final String IN_PROCESS_READER = "mobim-in-process-reconciliation";

    @Bean
    InMemoryUserDetailsManager apiUserDetails(ApiUsers users) {
        return new InMemoryUserDetailsManager(users.users());
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(HttpLimits limits) {
        FilterRegistrationBean<RequestBodyLimit> registration = new FilterRegistrationBean<>(new RequestBodyLimit(limits.maxRequestBody()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE); // before security: a huge body is refused before anyone reads it
        return registration;
    }
}
