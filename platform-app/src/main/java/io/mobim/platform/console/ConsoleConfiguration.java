package io.mobim.platform.console;

import io.micrometer.core.instrument.MeterRegistry;
import io.mobim.platform.security.ApiRoles;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.servlet.CookieSameSiteSupplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;

/**
 * The operator console under {@code /console}: server-rendered pages (Thymeleaf) with htmx, served by the jar. The
 * same users and roles as the HTTP APIs (the application's one user store); a person signs in with a form and keeps
 * a session, protected by CSRF tokens, while a program may still use HTTP Basic. Each section belongs to the role
 * that owns the API it shows ({@link ConsoleSection}); anything else under {@code /console} is denied.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsoleSettings.class)
class ConsoleConfiguration {

    static final String LOGIN = "/console/login";
    static final String DENIED = "/console/denied";
    /** The console's script library, a WebJar; the other WebJars (the API docs' UI) stay the admin's. */
    static final String HTMX = "/webjars/htmx.org/**";
    /** What a page may load: only what the jar serves; no inline script, no frames. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /** After the Wireless Village chain (which has its own path), before the APIs' catch-all chain. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    SecurityFilterChain consoleSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher("/console", "/console/**", HTMX)
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers(LOGIN, "/console/assets/**", HTMX).permitAll();
                    auth.requestMatchers(DENIED).authenticated();
                    for (ConsoleSection section : ConsoleSection.values()) {
                        auth.requestMatchers(HttpMethod.GET, section.patterns()).hasAnyRole(section.readerArray());
                        auth.requestMatchers(section.patterns()).hasRole(section.writer());
                    }
                    auth.requestMatchers(HttpMethod.GET, "/console", "/console/")
                            .hasAnyRole(ApiRoles.OPERATOR_ADMIN, ApiRoles.BILLING, ApiRoles.CLEARING);
                    auth.anyRequest().denyAll();
                })
                .formLogin(form -> form.loginPage(LOGIN).defaultSuccessUrl("/console", false).permitAll())
                .httpBasic(Customizer.withDefaults())
                .logout(logout -> logout.logoutUrl("/console/logout").logoutSuccessUrl(LOGIN + "?signedOut"))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint()).accessDeniedHandler(deniedPage()))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
        return http.build();
    }

    /**
     * A browser is sent to the sign-in page; an htmx request of an expired session is told to go there (it would
     * otherwise swap the sign-in page into a fragment); a program gets 401 with the HTTP Basic challenge.
     */
    private static AuthenticationEntryPoint entryPoint() {
        LoginUrlAuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint(LOGIN);
        BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
        basic.setRealmName("mobim");
        return (request, response, failure) -> {
            if (request.getHeader("HX-Request") != null) {
                response.setHeader("HX-Redirect", request.getContextPath() + LOGIN);
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            } else if (acceptsHtml(request)) {
                login.commence(request, response, failure);
            } else {
                basic.commence(request, response, failure);
            }
        };
    }

    private static AccessDeniedHandlerImpl deniedPage() {
        AccessDeniedHandlerImpl handler = new AccessDeniedHandlerImpl();
        handler.setErrorPage(DENIED); // forwarded to with status 403
        return handler;
    }

    private static boolean acceptsHtml(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && Arrays.stream(accept.split(",")).anyMatch(a -> a.strip().startsWith("text/html"));
    }

    /** The session cookie is not sent along with another site's requests (CSRF tokens protect the forms too). */
    @Bean
    CookieSameSiteSupplier consoleSessionCookieSameSite() {
        return CookieSameSiteSupplier.ofLax().whenHasName("JSESSIONID");
    }

    @Bean
    ConsoleSections consoleSections(ListableBeanFactory beans) {
        return new ConsoleSections(beans);
    }

    @Bean(destroyMethod = "close")
    TrafficSampler trafficSampler(MeterRegistry meters, ConsoleSettings settings) {
        return TrafficSampler.start(meters, settings.trafficSampleInterval(), settings.trafficSamples());
    }
}
